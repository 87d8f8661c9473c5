package io.zre4j.discovery.udp;

import static io.zre4j.discovery.udp.LoopbackUdp.broadcast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreNetworkException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.Beacon;
import io.zre4j.discovery.udp.RecordingListener.Announced;
import io.zre4j.discovery.udp.RecordingListener.Call;
import io.zre4j.discovery.udp.RecordingListener.Ignored;
import io.zre4j.discovery.udp.RecordingListener.Leaving;
import io.zre4j.discovery.udp.RecordingListener.Malformed;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real UDP beacons on the loopback interface (broadcast 127.255.255.255), on a free port per test.
 * Nothing leaves the host.
 */
class UdpDiscoveryTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final int beaconPort = LoopbackUdp.freePort();
    private final List<UdpDiscovery> discoveries = new ArrayList<>();

    /** A started discovery, what it heard, and who it is. */
    private record Node(PeerId id, int inboxPort, UdpDiscovery discovery, RecordingListener heard) {
        String endpoint() {
            return "tcp://127.0.0.1:" + inboxPort;
        }
    }

    @AfterEach
    void closeEverything() {
        discoveries.forEach(UdpDiscovery::close);
    }

    private ZreConfig config(String name) {
        return ZreConfig.loopback().newBuilder().name(name).beaconPort(beaconPort).beaconInterval(INTERVAL).build();
    }

    private UdpDiscovery discovery(String name) {
        UdpDiscovery discovery = new UdpDiscovery(config(name));
        discoveries.add(discovery);
        return discovery;
    }

    private Node start(String name, int inboxPort) {
        return start(name, inboxPort, new RecordingListener());
    }

    private Node start(String name, int inboxPort, RecordingListener listener) {
        PeerId id = PeerId.random();
        UdpDiscovery discovery = discovery(name);
        discovery.start(id, "tcp://127.0.0.1:" + inboxPort, listener);
        return new Node(id, inboxPort, discovery, listener);
    }

    private static void awaitHears(Node listener, Node speaker) {
        await().atMost(PATIENCE).until(() -> listener.heard().announcedPeers().contains(speaker.id()));
    }

    /** Waits until {@code listener} has heard {@code speaker} {@code more} more times than now. */
    private static void awaitHearsAgain(Node listener, Node speaker, int more) {
        long target = listener.heard().announcementsFrom(speaker.id()) + more;
        await().atMost(PATIENCE).until(() -> listener.heard().announcementsFrom(speaker.id()) >= target);
    }

    @Test
    void twoDiscoveriesHearEachOtherWithTheirInboxEndpoints() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);

        awaitHears(alice, bob);
        awaitHears(bob, alice);

        assertThat(alice.heard().callsOf(Announced.class)).contains(new Announced(bob.id(), "tcp://127.0.0.1:41002"));
        assertThat(bob.heard().callsOf(Announced.class)).contains(new Announced(alice.id(), "tcp://127.0.0.1:41001"));
    }

    @Test
    void ownBeaconsAreNotReported() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);

        awaitHearsAgain(alice, bob, 3);

        assertThat(alice.heard().announcedPeers()).containsExactly(bob.id());
        assertThat(alice.heard().calls).allMatch(call -> call instanceof Announced);
    }

    @Test
    void everyBeaconSentIsCounted() {
        Node alice = start("alice", 41001);

        await().atMost(PATIENCE).until(() -> alice.heard().sent.get() >= 3);
    }

    @Test
    void beaconOnTheWireIsZyresTwentyTwoBytesWithTheInboxPort() throws Exception {
        try (DatagramSocket wire = LoopbackUdp.eavesdrop(beaconPort)) {
            Node alice = start("alice", 41001);

            byte[] datagram = LoopbackUdp.receive(wire, PATIENCE);

            assertThat(datagram).isEqualTo(new Beacon(alice.id(), 41001).encode());
        }
    }

    @Test
    void stopSendsALeaveBeaconThatPeersReportAsLeaving() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);
        awaitHears(bob, alice);

        alice.discovery().stop();

        await().atMost(PATIENCE).until(() -> bob.heard().heardLeaving(alice.id()));
    }

    @Test
    void leaveBeaconOnTheWireHasPortZero() throws Exception {
        try (DatagramSocket wire = LoopbackUdp.eavesdrop(beaconPort)) {
            Node alice = start("alice", 41001);
            LoopbackUdp.receive(wire, PATIENCE);

            alice.discovery().stop();

            byte[] leave = new Beacon(alice.id(), 0).encode();
            boolean seen = false;
            for (int i = 0; i < 1000 && !seen; i++) {
                seen = Arrays.equals(LoopbackUdp.receive(wire, PATIENCE), leave);
            }
            assertThat(seen).isTrue();
        }
    }

    @Test
    void noAnnouncementFollowsTheLeaveBeacon() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);
        Node carol = start("carol", 41003);
        awaitHears(bob, alice);

        alice.discovery().stop();
        await().atMost(PATIENCE).until(() -> bob.heard().heardLeaving(alice.id()));
        awaitHearsAgain(bob, carol, 5);

        List<Call> calls = bob.heard().calls;
        List<Call> afterLeave = calls.subList(calls.indexOf(new Leaving(alice.id())), calls.size());
        assertThat(afterLeave).noneMatch(call -> call instanceof Announced a && a.peer().equals(alice.id()));
    }

    @Test
    void stoppedDiscoveryKeepsListening() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);

        alice.discovery().stop();

        awaitHearsAgain(alice, bob, 3);
    }

    @Test
    void closeWithoutStopSendsNoLeaveBeacon() {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);
        Node carol = start("carol", 41003);
        awaitHears(bob, alice);

        alice.discovery().close();
        awaitHearsAgain(bob, carol, 5);

        assertThat(bob.heard().callsOf(Leaving.class)).isEmpty();
    }

    static Stream<Arguments> malformedDatagrams() {
        return Stream.of(
                Arguments.of("garbage", "this is not a beacon".getBytes(StandardCharsets.US_ASCII), Reason.BAD_SIGNATURE),
                Arguments.of("wrong size", new byte[] {'Z', 'R', 'E', 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                        Reason.INVALID_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDatagrams")
    void malformedDatagramIsReportedWithItsSenderAndThePeerIsStillHeard(String kind, byte[] datagram, Reason reason) {
        Node alice = start("alice", 41001);
        Node bob = start("bob", 41002);
        awaitHears(alice, bob);

        broadcast(beaconPort, datagram);

        await().atMost(PATIENCE).until(() -> !alice.heard().callsOf(Malformed.class).isEmpty());
        Malformed malformed = alice.heard().callsOf(Malformed.class).get(0);
        assertThat(malformed.reason()).isEqualTo(reason);
        assertThat(malformed.detail()).contains("127.0.0.1");
        awaitHearsAgain(alice, bob, 3);
    }

    @Test
    void zyreCurveBeaconIsIgnoredNotMalformed() {
        Node alice = start("alice", 41001);
        byte[] curve = new byte[InboundBeacons.CURVE_BEACON_SIZE];
        byte[] plain = new Beacon(PeerId.random(), 5555).encode();
        System.arraycopy(plain, 0, curve, 0, plain.length);
        curve[3] = 3;

        broadcast(beaconPort, curve);

        await().atMost(PATIENCE).until(() -> !alice.heard().callsOf(Ignored.class).isEmpty());
        assertThat(alice.heard().callsOf(Malformed.class)).isEmpty();
        assertThat(alice.heard().announcedPeers()).isEmpty();
    }

    @Test
    void fiveDiscoveriesOnOnePortAllHearEachOther() {
        List<Node> nodes = IntStream.range(0, 5).mapToObj(i -> start("node" + i, 41100 + i)).toList();
        List<PeerId> ids = nodes.stream().map(Node::id).toList();

        for (Node node : nodes) {
            List<PeerId> others = ids.stream().filter(id -> !id.equals(node.id())).toList();
            await().atMost(PATIENCE).until(() -> node.heard().announcedPeers().containsAll(others));
            assertThat(node.heard().announcedPeers()).containsExactlyInAnyOrderElementsOf(others);
        }
    }

    @Test
    void closeReleasesTheBeaconThreadOverManyCycles() {
        for (int cycle = 0; cycle < 50; cycle++) {
            UdpDiscovery discovery = new UdpDiscovery(config("cycle" + cycle));
            discovery.start(PeerId.random(), "tcp://127.0.0.1:41001", new RecordingListener());
            discovery.close();
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith(UdpDiscovery.THREAD_NAME_PREFIX));
    }

    @Test
    void beaconThreadIsNamedForTheNode() {
        start("alice", 41001);

        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(thread -> thread.getName().equals("zre-beacon-alice")
                && thread.isDaemon());
    }

    @Test
    void listenerThatThrowsDoesNotStopDiscovery() {
        AtomicBoolean thrown = new AtomicBoolean();
        RecordingListener flaky = new RecordingListener() {
            @Override
            public void peerAnnounced(PeerId peer, String endpoint) {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("listener bug, on purpose");
                }
                super.peerAnnounced(peer, endpoint);
            }
        };
        Node alice = start("alice", 41001, flaky);
        Node bob = start("bob", 41002);

        awaitHearsAgain(alice, bob, 3);
        assertThat(thrown).isTrue();
    }

    @Test
    void stopAndCloseAreIdempotent() {
        Node alice = start("alice", 41001);

        alice.discovery().stop();
        alice.discovery().stop();
        alice.discovery().close();
        alice.discovery().close();
        alice.discovery().stop();
    }

    @Test
    void closeBeforeStartIsHarmlessAndStartAfterCloseIsRefused() {
        UdpDiscovery discovery = discovery("alice");

        discovery.close();

        assertThatThrownBy(() -> discovery.start(PeerId.random(), "tcp://127.0.0.1:41001", new RecordingListener()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void secondStartIsRefused() {
        Node alice = start("alice", 41001);

        assertThatThrownBy(() -> alice.discovery().start(alice.id(), alice.endpoint(), new RecordingListener()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointWithoutAPortIsRefused() {
        UdpDiscovery discovery = discovery("alice");

        assertThatThrownBy(() -> discovery.start(PeerId.random(), "tcp://127.0.0.1:*", new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://127.0.0.1:*");
    }

    @Test
    void unknownInterfaceFailsToStartWithANetworkError() {
        ZreConfig config = config("alice").newBuilder().interfaceName("nosuch0").build();
        UdpDiscovery discovery = new UdpDiscovery(config);
        discoveries.add(discovery);

        assertThatThrownBy(() -> discovery.start(PeerId.random(), "tcp://127.0.0.1:41001", new RecordingListener()))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("nosuch0");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("zre-beacon-alice"));
    }
}
