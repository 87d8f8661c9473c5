package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.Zre;
import io.zre4j.ZreNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeLifecycleTest {

    @Test
    void fiftyStartCloseCyclesReleaseEveryThread() {
        int port = LoopbackCluster.freeUdpPort();
        // One cycle first, so that lazily started JVM threads are not counted as leaks.
        cycle(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> zreThreads() == 0);
        int before = Thread.activeCount();

        for (int i = 0; i < 50; i++) {
            cycle(port);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> zreThreads() == 0);
        // Nothing of ours is left; allow the JVM and the test tools a thread or two of their own.
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 3);
    }

    private static void cycle(int port) {
        try (ZreNode node = Zre.builder().name("cycler").interfaceName("lo").beaconPort(port)
                .beaconInterval(Duration.ofMillis(50)).build()) {
            node.start();
            node.join("G");
        }
    }

    /** Threads of ours: node threads, beacon threads and JeroMQ threads of our contexts. */
    private static long zreThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("zre-")).count();
    }

    @Test
    void misuseGivesClearErrors() {
        ZreNode node = Zre.builder().interfaceName("lo").beaconPort(LoopbackCluster.freeUdpPort()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.shout("G", new byte[0]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        node.start();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.setHeader("k", "v"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before start()");
        org.assertj.core.api.Assertions.assertThatThrownBy(node::start).isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.whisper(io.zre4j.PeerId.random(), new byte[0]))
                .isInstanceOf(io.zre4j.UnknownPeerException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.join(""))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.peerAddress(null))
                .isInstanceOf(NullPointerException.class).hasMessage("peer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.poll(null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
        node.close();
        node.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.join("G")).isInstanceOf(IllegalStateException.class);
        // Once the last event (STOP) is read, poll() says so at once, like recv(), instead of waiting out its timeout.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                node.poll(Duration.ofMinutes(1));
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }

    @Test
    void anInterfaceThatDoesNotExistFailsStartWithAClearError() {
        ZreNode node = Zre.builder().interfaceName("no-such-if0").beaconPort(LoopbackCluster.freeUdpPort()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(node::start)
                .isInstanceOf(io.zre4j.ZreNetworkException.class).hasMessageContaining("no-such-if0");
    }
}
