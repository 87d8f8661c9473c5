package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Counter;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.core.codec.ZreMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeBehaviourTest {

    private final EngineNet net = new EngineNet();

    @Test
    void beaconFromUnknownPeerOpensALinkAndSendsHello() {
        EngineNet.Node alice = net.node("alice", b -> b.group("CHAT").header("X-ROLE", "camera"));
        EngineNet.Node bob = net.node("bob");

        alice.hears(bob);

        assertThat(alice.links).containsEntry(bob.id, bob.endpoint);
        ZreMessage.Hello hello = alice.sent(ZreMessage.Hello.class).get(0);
        assertThat(hello.sequence()).isEqualTo(1);
        assertThat(hello.endpoint()).isEqualTo(alice.endpoint);
        assertThat(hello.groups()).containsExactly("CHAT");
        assertThat(hello.status()).isEqualTo(1);
        assertThat(hello.name()).isEqualTo("alice");
        assertThat(hello.headers()).containsExactly(Map.entry("X-ROLE", "camera"));
    }

    @Test
    void helloFromPeerEmitsEnterWithHeadersAndAddressThenAJoinPerGroup() {
        EngineNet.Node alice = net.node("alice", b -> b.group("A").group("B").header("X-ROLE", "camera"));
        EngineNet.Node bob = net.node("bob");

        net.meet(alice, bob);

        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.JOIN, EventType.JOIN);
        ZreEvent.Enter enter = bob.events(ZreEvent.Enter.class).get(0);
        assertThat(enter.peer()).isEqualTo(alice.id);
        assertThat(enter.name()).isEqualTo("alice");
        assertThat(enter.headers()).containsExactly(Map.entry("X-ROLE", "camera"));
        assertThat(enter.address()).isEqualTo(alice.endpoint);
        assertThat(bob.events(ZreEvent.Join.class)).extracting(ZreEvent.Join::group).containsExactly("A", "B");
        assertThat(bob.engine.peers()).containsExactly(alice.id);
        assertThat(bob.engine.peerGroups(alice.id)).containsExactlyInAnyOrder("A", "B");
        assertThat(bob.engine.peerHeader(alice.id, "X-ROLE")).contains("camera");
        assertThat(bob.engine.peerAddress(alice.id)).contains(alice.endpoint);
    }

    @Test
    void helloFromAPeerWhoseBeaconWasNeverHeardConnectsBackToIt() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");

        alice.hears(bob); // bob never hears alice's beacon
        net.deliverAll();

        assertThat(bob.links).containsEntry(alice.id, alice.endpoint);
        assertThat(alice.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer).containsExactly(bob.id);
        assertThat(bob.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer).containsExactly(alice.id);
    }

    @Test
    void repeatedBeaconsFromAKnownPeerChangeNothing() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.hears(bob);
        alice.hears(bob);
        net.deliverAll();

        assertThat(alice.sent(ZreMessage.Hello.class)).hasSize(1);
        assertThat(alice.events(ZreEvent.Enter.class)).hasSize(1);
        assertThat(alice.counters.get(Counter.BEACONS_RECEIVED)).isEqualTo(3);
    }

    @Test
    void ourOwnBeaconIsIgnored() {
        EngineNet.Node alice = net.node("alice");

        alice.hears(alice);

        assertThat(alice.links).isEmpty();
        assertThat(alice.engine.knownPeerCount()).isZero();
    }

    @Test
    void helloFromAKnownReadyPeerMeansItRestartedExitThenEnter() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        EngineNet.Node aliceRestarted = net.node("alice2", alice.id, b -> b.group("NEW"), false);

        aliceRestarted.hears(bob); // its HELLO reaches bob before any beacon does
        net.deliverAll();

        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.ENTER, EventType.JOIN);
        assertThat(bob.events(ZreEvent.Enter.class).get(1).name()).isEqualTo("alice2");
        assertThat(bob.counters.get(Counter.PEERS_RESTARTED)).isEqualTo(1);
        assertThat(bob.links).containsEntry(alice.id, aliceRestarted.endpoint);
        assertThat(aliceRestarted.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer).containsExactly(bob.id);
    }

    @Test
    void aNewUuidOnAnEndpointAnOldPeerHadReplacesTheOldPeerOnceTheOldOneIsQuiet() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        PeerId reborn = PeerId.random();
        net.advanceUndelivered(java.time.Duration.ofSeconds(4), alice); // bob died: nothing from him since

        alice.engine.handleBeacon(net.nowNs, reborn, bob.endpoint);

        assertThat(alice.events(ZreEvent.Exit.class)).extracting(ZreEvent::peer).containsExactly(bob.id);
        assertThat(alice.links).containsOnlyKeys(reborn);
    }

    @Test
    void aNewUuidClaimingTheEndpointOfALivePeerIsRefusedSoASpoofedBeaconStartsNoStorm() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.engine.handleBeacon(net.nowNs, PeerId.random(), bob.endpoint); // a spoof: bob is alive
        net.advance(java.time.Duration.ofSeconds(5), alice, bob);

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(alice.links).containsOnlyKeys(bob.id);
        assertThat(alice.counters.get(Counter.ANNOUNCEMENTS_REFUSED)).isEqualTo(1);
    }

    @Test
    void aNodeRestartedWithANewUuidOnTheSamePortIsTakenAtItsFirstHello() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        PeerId reborn = PeerId.random();

        // A HELLO over TCP shows the new node is there; only beacons, cheap to forge, wait for the old one to go.
        alice.receive(reborn, new ZreMessage.Hello(1, bob.endpoint, java.util.List.of(), 1, "bob2", java.util.Map.of()));

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.ENTER);
        assertThat(alice.engine.peers()).containsOnly(reborn);
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aSpoofedHelloForALivePeersEndpointCausesABoundedBurstNotAnEndlessLoop() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.receive(PeerId.random(), new ZreMessage.Hello(1, bob.endpoint, java.util.List.of(), 1, "mallory", java.util.Map.of()));
        net.deliverAll(); // ends: the restart-loop breaker stops the HELLO ping-pong

        assertThat(alice.counters.get(Counter.PEERS_RESTARTED) + bob.counters.get(Counter.PEERS_RESTARTED))
                .isLessThanOrEqualTo(2L * (ZreEngine.MAX_RESTARTS_IN_WINDOW + 1));
        assertThat(alice.engine.peers()).contains(bob.id);
        assertThat(bob.engine.peers()).contains(alice.id);
    }

    @Test
    void aBeaconSayingALivePeerMovedToAnotherPortIsRefused() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.engine.handleBeacon(net.nowNs, bob.id, "tcp://127.0.0.1:1"); // a spoof: bob's link is alive

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(alice.links).containsEntry(bob.id, bob.endpoint);
        assertThat(alice.counters.get(Counter.ANNOUNCEMENTS_REFUSED)).isEqualTo(1);
    }

    @Test
    void aRealNodeThatGreetsUsIsTakenEvenWhenFakeBeaconsFillThePendingPeers() {
        EngineNet.Node alice = net.node("alice");
        for (int i = 0; i < ZreEngine.MAX_PENDING_PEERS; i++) {
            alice.engine.handleBeacon(net.nowNs, PeerId.random(), "tcp://127.0.0.2:" + (20000 + i));
        }
        EngineNet.Node bob = net.node("bob");

        bob.hears(alice); // bob greets alice over TCP
        net.deliverAll();

        assertThat(alice.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer).containsExactly(bob.id);
        assertThat(bob.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer).containsExactly(alice.id);
    }

    @Test
    void aHelloWithAnEndpointThatIsNotTcpIsRefused() {
        EngineNet.Node alice = net.node("alice");

        alice.receive(PeerId.random(), new ZreMessage.Hello(1, "inproc://zre4j-inbox-wake-up", java.util.List.of(), 1,
                "odd", java.util.Map.of()));

        assertThat(alice.events).isEmpty();
        assertThat(alice.links).isEmpty();
        assertThat(alice.counters.get(Counter.HELLOS_REFUSED)).isEqualTo(1);
    }

    @Test
    void aHelloLargerThanAMebibyteIsRefusedBeforeItIsDecoded() {
        EngineNet.Node alice = net.node("alice");
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40_000; i++) {
            headers.put("k" + i, "v".repeat(20));
        }

        alice.receive(PeerId.random(), new ZreMessage.Hello(1, "tcp://127.0.0.1:9", java.util.List.of(), 1, "big", headers));

        assertThat(alice.events).isEmpty();
        assertThat(alice.counters.get(Counter.HELLOS_REFUSED)).isEqualTo(1);
    }

    @Test
    void peersThatGreetAgainAndAgainAreTakenAsGreetingsNotRestarts() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        for (int i = 0; i < 20; i++) {
            alice.receive(bob.id, new ZreMessage.Hello(1, bob.endpoint, java.util.List.of(), 0, "bob", java.util.Map.of()));
        }

        assertThat(alice.counters.get(Counter.PEERS_RESTARTED)).isEqualTo(ZreEngine.MAX_RESTARTS_IN_WINDOW);
        assertThat(alice.counters.get(Counter.RESTART_LOOPS_BROKEN)).isEqualTo(20 - ZreEngine.MAX_RESTARTS_IN_WINDOW);
        assertThat(alice.engine.peers()).containsOnly(bob.id);
    }

    @Test
    void aFloodOfNewPeersIsCappedAndTheRefusedAreTriedAgainLater() {
        EngineNet.Node alice = net.node("alice");
        for (int i = 0; i < ZreEngine.MAX_PENDING_PEERS + 10; i++) {
            alice.engine.handleBeacon(net.nowNs, PeerId.random(), "tcp://127.0.0.2:" + (20000 + i));
        }

        assertThat(alice.links).hasSize(ZreEngine.MAX_PENDING_PEERS);
        assertThat(alice.counters.get(Counter.ANNOUNCEMENTS_REFUSED)).isEqualTo(10);
        net.advance(java.time.Duration.ofSeconds(31), alice); // none answers: all expire
        assertThat(alice.links).isEmpty();
        alice.engine.handleBeacon(net.nowNs, PeerId.random(), "tcp://127.0.0.2:19999");
        assertThat(alice.links).hasSize(1);
    }

    @Test
    void aLinkThatCannotBeOpenedIsCountedAndThePeerNotKept() {
        EngineNet.Node alice = net.node("alice");
        alice.failConnects = true;

        alice.engine.handleBeacon(net.nowNs, PeerId.random(), "tcp://127.0.0.2:20000");

        assertThat(alice.engine.peers()).isEmpty();
        assertThat(alice.counters.get(Counter.CONNECTS_FAILED)).isEqualTo(1);
        assertThat(alice.engine.deadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aKnownPeerBackOnANewPortIsReconnectedThere() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        EngineNet.Node bobRestarted = net.node("bob", bob.id, b -> b, false);

        alice.hears(bobRestarted);
        bobRestarted.hears(alice);
        net.deliverAll();

        assertThat(alice.links).containsEntry(bob.id, bobRestarted.endpoint);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.ENTER);
        assertThat(alice.engine.peerAddress(bob.id)).contains(bobRestarted.endpoint);
    }

    @Test
    void anotherAddressWithTheSamePortIsAnotherRouteNotARestart() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.engine.handleBeacon(net.nowNs, bob.id, bob.endpoint.replace("127.0.0.1", "10.9.9.9"));

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(alice.links).containsEntry(bob.id, bob.endpoint);
    }

    @Test
    void messageFromANodeUsingOurOwnUuidIsDropped() {
        EngineNet.Node alice = net.node("alice");

        alice.receive(alice.id, new ZreMessage.Hello(1, "tcp://127.0.0.1:1", List.of(), 0, "impostor", Map.of()));

        assertThat(alice.events).isEmpty();
        assertThat(alice.engine.knownPeerCount()).isZero();
    }
}
