package io.zre4j.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import io.zre4j.spi.DiscoveryProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The static peer list: announcements from a thread of its own, no socket. */
class StaticDiscoveryTest {

    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration NEVER_AGAIN = Duration.ofHours(1);
    private static final long PATIENCE_MS = 10_000;

    private final PeerId self = PeerId.random();
    private final PeerId bob = PeerId.random();
    private final PeerId carol = PeerId.random();
    private final List<Discovery> discoveries = new ArrayList<>();

    /** Records announcements and lets a test wait, bounded, for a condition on them. */
    private static class Recorder implements DiscoveryListener {
        private final List<Map.Entry<PeerId, String>> announced = new ArrayList<>();

        @Override
        public synchronized void peerAnnounced(PeerId peer, String endpoint) {
            announced.add(Map.entry(peer, endpoint));
            notifyAll();
        }

        @Override
        public void peerLeaving(PeerId peer) {
            throw new AssertionError("a static discovery never reports a leave");
        }

        @Override
        public void malformed(Reason reason, String detail) {
            throw new AssertionError("a static discovery never hears anything malformed");
        }

        @Override
        public void ignored(String detail) {
            throw new AssertionError("a static discovery never ignores anything");
        }

        @Override
        public void announcementSent() {
            throw new AssertionError("a static discovery sends nothing");
        }

        synchronized List<Map.Entry<PeerId, String>> announced() {
            return List.copyOf(announced);
        }

        synchronized long countOf(PeerId peer) {
            return announced.stream().filter(entry -> entry.getKey().equals(peer)).count();
        }

        synchronized void awaitUntil(Predicate<Recorder> condition) throws InterruptedException {
            long deadlineMs = System.currentTimeMillis() + PATIENCE_MS;
            while (!condition.test(this)) {
                long leftMs = deadlineMs - System.currentTimeMillis();
                assertThat(leftMs).as("time left waiting for announcements").isPositive();
                wait(leftMs);
            }
        }
    }

    @AfterEach
    void closeEverything() {
        discoveries.forEach(Discovery::close);
    }

    private Discovery start(Map<PeerId, String> peers, Duration interval, PeerId id, DiscoveryListener listener) {
        ZreConfig config = ZreConfig.builder().name("static-test").beaconInterval(interval).build();
        Discovery discovery = StaticDiscovery.provider(peers).create(config);
        discoveries.add(discovery);
        discovery.start(id, "tcp://127.0.0.1:41000", listener);
        return discovery;
    }

    private Map<PeerId, String> bobAndCarol() {
        Map<PeerId, String> peers = new LinkedHashMap<>();
        peers.put(bob, "tcp://127.0.0.1:41001");
        peers.put(carol, "tcp://127.0.0.1:41002");
        return peers;
    }

    @Test
    void everyListedPeerIsAnnouncedAtStart() throws Exception {
        Recorder heard = new Recorder();

        start(bobAndCarol(), NEVER_AGAIN, self, heard);

        heard.awaitUntil(r -> r.announced().size() == 2);
        assertThat(heard.announced()).containsExactly(Map.entry(bob, "tcp://127.0.0.1:41001"),
                Map.entry(carol, "tcp://127.0.0.1:41002"));
    }

    @Test
    void ownEntryIsNotAnnounced() throws Exception {
        Map<PeerId, String> everyone = new LinkedHashMap<>();
        everyone.put(self, "tcp://127.0.0.1:41000");
        everyone.putAll(bobAndCarol());
        Recorder heard = new Recorder();

        start(everyone, FAST, self, heard);

        heard.awaitUntil(r -> r.countOf(carol) >= 3);
        assertThat(heard.countOf(self)).isZero();
    }

    @Test
    void peersAreAnnouncedAgainEveryInterval() throws Exception {
        Recorder heard = new Recorder();

        start(bobAndCarol(), FAST, self, heard);

        heard.awaitUntil(r -> r.countOf(bob) >= 3 && r.countOf(carol) >= 3);
    }

    @Test
    void nothingIsAnnouncedOnceStopReturns() throws Exception {
        Recorder stopped = new Recorder();
        Recorder witness = new Recorder();
        Discovery discovery = start(bobAndCarol(), FAST, self, stopped);
        stopped.awaitUntil(r -> r.countOf(bob) >= 1);

        discovery.stop();
        long afterStop = stopped.announced().size();
        start(bobAndCarol(), FAST, PeerId.random(), witness);
        witness.awaitUntil(r -> r.countOf(bob) >= 5);

        assertThat(stopped.announced()).hasSize((int) afterStop);
    }

    @Test
    void listenerFailureDoesNotEndTheAnnouncements() throws Exception {
        Recorder heard = new Recorder() {
            @Override
            public synchronized void peerAnnounced(PeerId peer, String endpoint) {
                super.peerAnnounced(peer, endpoint);
                if (peer.equals(bob)) {
                    throw new IllegalStateException("listener bug, on purpose");
                }
            }
        };

        start(bobAndCarol(), FAST, self, heard);

        heard.awaitUntil(r -> r.countOf(carol) >= 3);
    }

    @Test
    void closeReleasesTheThread() throws Exception {
        Recorder heard = new Recorder();
        Discovery discovery = start(bobAndCarol(), FAST, self, heard);
        heard.awaitUntil(r -> r.countOf(bob) >= 1);

        discovery.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith(StaticDiscovery.THREAD_NAME_PREFIX));
    }

    @Test
    void lifecycleCallsAreIdempotentAndStartIsOnce() {
        Discovery discovery = start(bobAndCarol(), NEVER_AGAIN, self, new Recorder());

        assertThatThrownBy(() -> discovery.start(self, "tcp://127.0.0.1:41000", new Recorder()))
                .isInstanceOf(IllegalStateException.class);
        discovery.stop();
        discovery.stop();
        discovery.close();
        discovery.close();
        discovery.stop();
        assertThatThrownBy(() -> discovery.start(self, "tcp://127.0.0.1:41000", new Recorder()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void providerIsNamedStatic() {
        DiscoveryProvider provider = StaticDiscovery.provider(bobAndCarol());

        assertThat(provider.name()).isEqualTo("static");
        assertThat(((StaticDiscoveryProvider) provider).peers()).isEqualTo(bobAndCarol());
    }

    @Test
    void endpointThatIsNotTcpHostPortIsRejected() {
        for (String bad : new String[] {"127.0.0.1:5555", "tcp://127.0.0.1", "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:0", "tcp://127.0.0.1:70000", "udp://127.0.0.1:5555"}) {
            assertThatThrownBy(() -> StaticDiscovery.provider(Map.of(bob, bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void peersAreParsedFromUuidAtEndpoint() {
        Map<PeerId, String> peers = StaticDiscovery.parsePeers(
                bob + "@tcp://10.8.0.2:5555",
                carol.toString().toLowerCase(java.util.Locale.ROOT) + "@tcp://[fd00::2]:5556");

        assertThat(peers).containsExactly(Map.entry(bob, "tcp://10.8.0.2:5555"), Map.entry(carol, "tcp://[fd00::2]:5556"));
    }

    @Test
    void peerWithoutAnAtSignIsRejected() {
        assertThatThrownBy(() -> StaticDiscovery.parsePeers("tcp://10.8.0.2:5555"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<32-hex-uuid>@tcp://host:port");
    }

    @Test
    void peerWithABadUuidIsRejected() {
        assertThatThrownBy(() -> StaticDiscovery.parsePeers("not-a-uuid@tcp://10.8.0.2:5555"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-uuid");
    }

    @Test
    void peerListedTwiceIsRejected() {
        assertThatThrownBy(() -> StaticDiscovery.parsePeers(bob + "@tcp://10.8.0.2:5555", bob + "@tcp://10.8.0.3:5555"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }
}
