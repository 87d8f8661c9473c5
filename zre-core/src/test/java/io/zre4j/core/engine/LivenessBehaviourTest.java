package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Counter;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.core.codec.ZreMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LivenessBehaviourTest {

    private final EngineNet net = new EngineNet();
    private final EngineNet.Node alice = net.node("alice");
    private final EngineNet.Node bob = net.node("bob");

    @Test
    void aQuietButHealthyPeerIsProbedAndNeverReportedEvasive() {
        net.meet(alice, bob);

        net.advance(Duration.ofMinutes(5), alice, bob);

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER);
        // The end with the lower uuid probes; the other answers, and its own probe is then not needed.
        EngineNet.Node prober = alice.id.compareTo(bob.id) < 0 ? alice : bob;
        EngineNet.Node answerer = prober == alice ? bob : alice;
        assertThat(prober.sent(ZreMessage.Ping.class)).hasSizeGreaterThan(100);
        assertThat(answerer.sent(ZreMessage.PingOk.class)).hasSameSizeAs(prober.sent(ZreMessage.Ping.class));
        assertThat(answerer.sent(ZreMessage.Ping.class)).isEmpty();
    }

    @Test
    void aPeerThatStopsAnsweringIsEvasiveThenSilentThenExpires() {
        net.meet(alice, bob);

        net.advanceUndelivered(Duration.ofSeconds(31), alice);

        assertThat(alice.eventTypes())
                .containsExactly(EventType.ENTER, EventType.EVASIVE, EventType.SILENT, EventType.EXIT);
        assertThat(alice.counters.get(Counter.PEERS_EXPIRED)).isEqualTo(1);
        assertThat(alice.links).isEmpty();
        assertThat(alice.engine.peers()).isEmpty();
    }

    @Test
    void evasiveComesAtTheEvasiveTimeoutAndSilentAtTheSilentTimeout() {
        net.meet(alice, bob);
        long start = net.nowNs;

        net.advanceUndelivered(Duration.ofMillis(4999), alice);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        net.advanceUndelivered(Duration.ofMillis(1), alice);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EVASIVE);
        net.advanceUndelivered(Duration.ofMillis(999), alice);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EVASIVE);
        net.advanceUndelivered(Duration.ofMillis(1), alice);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EVASIVE, EventType.SILENT);
        assertThat(net.nowNs - start).isEqualTo(Duration.ofSeconds(6).toNanos());
    }

    @Test
    void aPeerHeardAgainAfterBeingEvasiveIsProbedAgainInTime() {
        net.meet(alice, bob);
        net.advanceUndelivered(Duration.ofSeconds(6), alice);

        bob.engine.whisper(alice.id, io.zre4j.Frames.ofText("back"));
        net.deliverAll();
        net.advance(Duration.ofMinutes(2), alice, bob);

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EVASIVE, EventType.SILENT,
                EventType.WHISPER);
    }

    @Test
    void beaconsKeepAQuietPeerAliveAndTheLinkIsCheckedOnlyRarely() {
        net.meet(alice, bob);
        EngineNet.Node prober = alice.id.compareTo(bob.id) < 0 ? alice : bob;

        for (int second = 0; second < 60; second++) {
            alice.hears(bob);
            bob.hears(alice);
            net.advance(Duration.ofSeconds(1), alice, bob);
        }

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER);
        // One link check every 15 s (half the expiry) instead of a probe every 2.5 s.
        assertThat(prober.sent(ZreMessage.Ping.class)).hasSize(4);
    }

    @Test
    void aPeerThatPingsUsEarlyLikeZyreIsSentSomethingBeforeItWouldCallUsEvasive() {
        // A stand-in for a Zyre peer, driven by hand: it greets alice, then beacons every second.
        io.zre4j.PeerId zyre = io.zre4j.PeerId.random();
        String zyreEndpoint = "tcp://127.0.0.1:9";
        alice.receive(zyre, new ZreMessage.Hello(1, zyreEndpoint, java.util.List.of(), 0, "zyre", java.util.Map.of()));
        for (int second = 0; second < 5; second++) {
            alice.engine.handleBeacon(net.nowNs, zyre, zyreEndpoint);
            net.advance(Duration.ofSeconds(1), alice);
        }
        // Zyre does not count beacons: after 5 s without a message from alice, it pings her.
        int sentBefore = alice.sent.size();
        alice.receive(zyre, new ZreMessage.Ping(2));

        for (int second = 0; second < 24; second++) {
            alice.engine.handleBeacon(net.nowNs, zyre, zyreEndpoint);
            net.advance(Duration.ofSeconds(1), alice);
        }

        // Her PING-OK, then a PING every 4 s (4/5 of the 5 s evasive timeout): never 5 s without a message.
        assertThat(alice.sent.subList(sentBefore, alice.sent.size())).first().isInstanceOf(ZreMessage.PingOk.class);
        assertThat(alice.sent.subList(sentBefore, alice.sent.size())).filteredOn(ZreMessage.Ping.class::isInstance)
                .hasSizeGreaterThanOrEqualTo(24 / 4);
    }

    @Test
    void anotherZre4jNodesLinkCheckDoesNotMakeUsImpatient() {
        net.meet(alice, bob);
        for (int second = 0; second < 60; second++) {
            alice.hears(bob);
            bob.hears(alice);
            net.advance(Duration.ofSeconds(1), alice, bob);
        }
        EngineNet.Node prober = alice.id.compareTo(bob.id) < 0 ? alice : bob;
        EngineNet.Node other = prober == alice ? bob : alice;

        assertThat(prober.sent(ZreMessage.Ping.class)).hasSize(4);
        assertThat(other.sent(ZreMessage.Ping.class)).isEmpty();
    }

    @Test
    void beaconsAloneDoNotKeepADeadLinkAliveForever() {
        net.meet(alice, bob);

        for (int second = 0; second < 40; second++) {
            alice.hears(bob); // bob's beacons still arrive, but nothing comes over the link
            net.advanceUndelivered(Duration.ofSeconds(1), alice);
        }

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT);
    }

    @Test
    void aPeerThatIsOnlyListedIsNoSignOfLifeSoADeadListedPeerGoesEvasiveAndExits() {
        net.meet(alice, bob);

        for (int second = 0; second < 40; second++) {
            alice.engine.handleListing(net.nowNs, bob.id, bob.endpoint); // a static list or gossip still names bob
            net.advanceUndelivered(Duration.ofSeconds(1), alice);
        }

        assertThat(alice.eventTypes()).startsWith(EventType.ENTER, EventType.EVASIVE, EventType.SILENT, EventType.EXIT);
    }

    @Test
    void aListedPeerThatExpiredIsConnectedAgainWhenListedAgain() {
        net.meet(alice, bob);
        net.advanceUndelivered(Duration.ofSeconds(31), alice);
        net.loseInFlight();
        assertThat(alice.links).isEmpty();

        alice.engine.handleListing(net.nowNs, bob.id, bob.endpoint);
        net.advance(Duration.ofSeconds(1), alice, bob);

        assertThat(alice.links).containsKey(bob.id);
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EVASIVE, EventType.SILENT,
                EventType.EXIT, EventType.ENTER);
    }

    @Test
    void aPortZeroBeaconMeansExitAtOnce() {
        net.meet(alice, bob);

        alice.engine.handlePeerLeaving(net.nowNs, bob.id);

        assertThat(alice.events(ZreEvent.Exit.class)).containsExactly(new ZreEvent.Exit(bob.id, "bob"));
        assertThat(alice.links).isEmpty();
    }

    @Test
    void aPeerThatNeverSaysHelloIsForgottenQuietlyAfterExpiry() {
        alice.hears(bob);
        net.loseInFlight();

        net.advance(Duration.ofSeconds(31), alice);

        assertThat(alice.events).isEmpty();
        assertThat(alice.engine.knownPeerCount()).isZero();
        assertThat(alice.links).isEmpty();
    }

    @Test
    void goodbyeFromAPeerMeansExit() {
        net.meet(alice, bob);

        alice.receive(bob.id, new ZreMessage.Goodbye(2));

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT);
    }
}
