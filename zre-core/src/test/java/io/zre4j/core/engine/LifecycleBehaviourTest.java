package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.core.codec.ZreMessage;
import org.junit.jupiter.api.Test;

class LifecycleBehaviourTest {

    private final EngineNet net = new EngineNet();

    @Test
    void stopClosesEveryLinkAndDeliversStopLast() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.engine.stop(net.nowNs);
        net.deliverAll(); // bob confirms that he got alice's HELLO

        assertThat(alice.links).isEmpty();
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.STOP);
        assertThat(alice.events.get(1)).isEqualTo(new ZreEvent.Stop(alice.id, "alice"));
        assertThat(alice.sent(ZreMessage.Goodbye.class)).isEmpty();
        assertThat(alice.engine.deadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void withADiscoveryThatCannotSayGoodbyeStopSendsGoodbyeAndPeersSeeExit() {
        EngineNet.Node alice = net.node("alice", PeerId.random(), b -> b, true);
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);

        alice.engine.stop(net.nowNs);
        net.deliverAll();

        assertThat(alice.sent(ZreMessage.Goodbye.class)).hasSize(1);
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT);
    }

    @Test
    void stopSaysItLeavesOnlyOncePeersConfirmTheyGotEverythingSentToThem() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        for (int i = 0; i < 3; i++) {
            alice.engine.whisper(bob.id, io.zre4j.Frames.ofText("last words " + i));
        }

        alice.engine.stop(net.nowNs);
        assertThat(alice.departedAfterEvents).as("no leave beacon while whispers are on the way").isEqualTo(-1);
        assertThat(alice.engine.whisper(bob.id, io.zre4j.Frames.ofText("too late"))).isFalse();
        net.deliverAll();

        assertThat(bob.events(ZreEvent.Whisper.class)).hasSize(3);
        assertThat(alice.departedAfterEvents).isEqualTo(1); // after ENTER, before STOP
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.STOP);
        assertThat(alice.sent(ZreMessage.Ping.class)).hasSize(1);
    }

    @Test
    void aPeerThatNeverConfirmsHoldsTheStopUpForTwoSecondsAtMost() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        alice.engine.whisper(bob.id, io.zre4j.Frames.ofText("into the void"));

        alice.engine.stop(net.nowNs);
        net.advanceUndelivered(java.time.Duration.ofMillis(1999), alice);
        assertThat(alice.engine.hasStopped()).isFalse();
        net.advanceUndelivered(java.time.Duration.ofMillis(1), alice);

        assertThat(alice.engine.hasStopped()).isTrue();
        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.STOP);
    }

    @Test
    void aPeerThatLeavesWhileWeStopNeedNotConfirm() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        alice.engine.whisper(bob.id, io.zre4j.Frames.ofText("bye"));
        alice.engine.stop(net.nowNs);

        alice.engine.handlePeerLeaving(net.nowNs, bob.id);

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.STOP);
    }

    @Test
    void whenEverythingSentIsConfirmedAlreadyStopIsImmediate() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        net.meet(alice, bob);
        net.advance(java.time.Duration.ofSeconds(20), alice, bob); // quiet: probes go back and forth
        boolean aliceProbed = !alice.sent(ZreMessage.Ping.class).isEmpty();
        int pingsBefore = alice.sent(ZreMessage.Ping.class).size();

        alice.engine.stop(net.nowNs);

        // If alice probed bob since her HELLO, his PING-OK confirmed it; otherwise she must ask once.
        assertThat(alice.engine.hasStopped()).isEqualTo(aliceProbed);
        assertThat(alice.sent(ZreMessage.Ping.class)).hasSize(aliceProbed ? pingsBefore : pingsBefore + 1);
    }

    @Test
    void aStoppedEngineIgnoresEverything() {
        EngineNet.Node alice = net.node("alice");
        EngineNet.Node bob = net.node("bob");
        alice.engine.stop(net.nowNs);

        alice.hears(bob);
        alice.engine.join("G");

        assertThat(alice.links).isEmpty();
        assertThat(alice.eventTypes()).containsExactly(EventType.STOP);
    }
}
