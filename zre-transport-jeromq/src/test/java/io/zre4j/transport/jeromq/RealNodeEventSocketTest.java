package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Two real nodes on loopback (this transport, UDP beacons on {@code lo} to a free port): a node's events
 * reach the application's poller in Zyre's layout.
 */
class RealNodeEventSocketTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void aPeersEnterAndShoutArriveOnTheEventSocketInZyresLayout() throws Exception {
        int beaconPort = freeUdpPort();
        try (ZContext application = new ZContext(1);
                ZreNode alice = node("alice", beaconPort);
                ZreNode bob = node("bob", beaconPort);
                ZreEventSocket events = ZreEventSocket.attach(alice, application);
                ZMQ.Poller poller = application.createPoller(1)) {
            poller.register(events.socket(), ZMQ.Poller.POLLIN);
            alice.start();
            alice.join("CHAT");
            bob.start();
            bob.join("CHAT");

            ZreEvent.Enter enter = (ZreEvent.Enter) nextOfType(poller, events, ZreEvent.EventType.ENTER);
            assertThat(enter.name()).isEqualTo("bob");
            assertThat(enter.peer()).isEqualTo(bob.uuid());
            assertThat(enter.headers()).containsEntry("X-ROLE", "test");

            nextOfType(poller, events, ZreEvent.EventType.JOIN);
            // A shout reaches only the members bob knows of: wait until alice's HELLO has reached him too.
            await().atMost(PATIENCE).until(() -> bob.peersByGroup("CHAT").contains(alice.uuid()));
            bob.shout("CHAT", "hello".getBytes(StandardCharsets.UTF_8), "world".getBytes(StandardCharsets.UTF_8));
            ZreEvent.Shout shout = (ZreEvent.Shout) nextOfType(poller, events, ZreEvent.EventType.SHOUT);
            assertThat(shout.group()).isEqualTo("CHAT");
            assertThat(shout.content().text(0)).isEqualTo("hello");
            assertThat(shout.content().text(1)).isEqualTo("world");
        }
    }

    private static ZreNode node(String name, int beaconPort) {
        return Zre.builder().name(name).header("X-ROLE", "test").interfaceName("lo").beaconPort(beaconPort)
                .beaconInterval(Duration.ofMillis(100)).endpoint("tcp://127.0.0.1:*").build();
    }

    /** Reads events through the application's poller until one of the given type arrives. */
    private static ZreEvent nextOfType(ZMQ.Poller poller, ZreEventSocket events, ZreEvent.EventType type) {
        AtomicReference<ZreEvent> found = new AtomicReference<>();
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    if (poller.poll(50) > 0 && poller.pollin(0)) {
                        ZreEvent event = ZreEventSocket.decode(readMessage(events.socket()));
                        if (event.type() == type) {
                            found.set(event);
                        }
                    }
                    return found.get() != null;
                });
        return found.get();
    }

    private static List<byte[]> readMessage(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv());
        } while (socket.hasReceiveMore());
        return frames;
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
