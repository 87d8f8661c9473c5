package io.zre4j.cli;

import static org.awaitility.Awaitility.await;

import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real node on loopback for a test to talk to, recording every event it gets. */
final class TestPeers {

    private TestPeers() {
    }

    /** A node that keeps its events for {@link #awaitEvent}. */
    static final class Peer implements AutoCloseable {
        final ZreNode node;
        final List<ZreEvent> events = new CopyOnWriteArrayList<>();

        Peer(ZreNode node) {
            this.node = node;
            node.onEvent(events::add);
        }

        /** Waits for an event that matches. */
        <T extends ZreEvent> T awaitEvent(Class<T> type, Predicate<T> matches) {
            await(type.getSimpleName() + " at " + node.name() + " among " + events).atMost(Lines.PATIENCE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> events.stream().filter(type::isInstance).map(type::cast).anyMatch(matches));
            return events.stream().filter(type::isInstance).map(type::cast).filter(matches).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            node.close();
        }
    }

    /** Starts a node named {@code name} in CHAT, with header X-ROLE=test, on loopback at {@code port}. */
    static Peer start(String name, int port) {
        return new Peer(Zre.builder().name(name).group("CHAT").header("X-ROLE", "test").interfaceName("lo")
                .beaconPort(port).beaconInterval(Duration.ofMillis(100)).build().start());
    }
}
