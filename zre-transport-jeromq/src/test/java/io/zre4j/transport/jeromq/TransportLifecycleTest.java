package io.zre4j.transport.jeromq;

import static io.zre4j.transport.jeromq.TransportFixture.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.PeerId;
import io.zre4j.spi.Transport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many create/close cycles must not leak threads (Zyre users report hangs after thousands). */
class TransportLifecycleTest {

    private static final int CYCLES = 50;

    @Test
    void openCloseCyclesLeaveNoThreadBehind() {
        Set<Thread> before = liveThreads();

        for (int i = 0; i < CYCLES; i++) {
            Transport a = new JeromqTransportProvider().create(TransportFixture.LOOPBACK, PeerId.random());
            Transport b = new JeromqTransportProvider().create(TransportFixture.LOOPBACK, PeerId.random());
            try {
                String endpoint = b.open(new RecordingListener());
                a.open(new RecordingListener());
                PeerId peerB = PeerId.random();
                a.connect(peerB, endpoint);
                a.send(peerB, frames("cycle " + i));
            } finally {
                a.close();
                b.close();
            }
        }

        // JeroMQ's reaper and I/O threads may take a moment to finish after close() returns.
        await().atMost(TransportFixture.PATIENCE).pollInSameThread().untilAsserted(() ->
                assertThat(names(newThreads(before))).isEmpty());
    }

    @Test
    void anUnopenedTransportClosesWithoutStartingThreads() {
        Set<Thread> before = liveThreads();

        new JeromqTransportProvider().create(TransportFixture.LOOPBACK, PeerId.random()).close();

        assertThat(names(newThreads(before))).isEmpty();
    }

    /** Application threads: the JVM's own (system group, e.g. "Attach Listener") come and go at will. */
    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getThreadGroup() != null && !"system".equals(thread.getThreadGroup().getName()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        return liveThreads().stream().filter(thread -> !before.contains(thread)).filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
