package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Counter;
import io.zre4j.Frames;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.core.codec.ZreMessage;
import org.junit.jupiter.api.Test;

class GroupBehaviourTest {

    private final EngineNet net = new EngineNet();
    private final EngineNet.Node alice = net.node("alice");
    private final EngineNet.Node bob = net.node("bob");

    @Test
    void ourJoinBumpsStatusAndIsSentToEveryPeer() {
        net.meet(alice, bob);

        alice.engine.join("CHAT");
        net.deliverAll();

        assertThat(alice.engine.status()).isEqualTo(1);
        assertThat(alice.sent(ZreMessage.Join.class)).containsExactly(new ZreMessage.Join(2, "CHAT", 1));
        assertThat(bob.events(ZreEvent.Join.class)).containsExactly(new ZreEvent.Join(alice.id, "alice", "CHAT"));
        assertThat(bob.engine.peersByGroup("CHAT")).containsExactly(alice.id);
    }

    @Test
    void joiningTwiceSendsOneJoin() {
        net.meet(alice, bob);

        alice.engine.join("CHAT");
        alice.engine.join("CHAT");

        assertThat(alice.sent(ZreMessage.Join.class)).hasSize(1);
        assertThat(alice.engine.status()).isEqualTo(1);
    }

    @Test
    void leaveFromPeerEmitsLeaveAndRemovesItFromTheGroup() {
        net.meet(alice, bob);
        alice.engine.join("CHAT");
        net.deliverAll();

        alice.engine.leave("CHAT");
        net.deliverAll();

        assertThat(alice.sent(ZreMessage.Leave.class)).containsExactly(new ZreMessage.Leave(3, "CHAT", 2));
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.JOIN, EventType.LEAVE);
        assertThat(bob.engine.peersByGroup("CHAT")).isEmpty();
        assertThat(bob.engine.peerGroups(alice.id)).isEmpty();
    }

    @Test
    void leavingAGroupWeAreNotInSendsNothing() {
        net.meet(alice, bob);

        alice.engine.leave("NOPE");

        assertThat(alice.sent(ZreMessage.Leave.class)).isEmpty();
        assertThat(alice.engine.status()).isZero();
    }

    @Test
    void shoutReachesOnlyPeersInTheGroupAndIsDeliveredOnlyToMembers() {
        EngineNet.Node carol = net.node("carol");
        bob.engine.join("CHAT");
        net.meet(alice, bob);
        net.meet(alice, carol);
        net.meet(bob, carol);

        alice.engine.shout("CHAT", Frames.ofText("hello", "world"));
        net.deliverAll();

        assertThat(bob.events(ZreEvent.Shout.class))
                .containsExactly(new ZreEvent.Shout(alice.id, "alice", "CHAT", Frames.ofText("hello", "world")));
        assertThat(carol.events(ZreEvent.Shout.class)).isEmpty();
        assertThat(alice.sent(ZreMessage.Shout.class)).hasSize(1);
    }

    @Test
    void shoutForAGroupWeAreNotInIsDroppedAndCounted() {
        net.meet(alice, bob);

        bob.receive(alice.id, new ZreMessage.Shout(2, "ELSEWHERE", Frames.ofText("x")));

        assertThat(bob.events(ZreEvent.Shout.class)).isEmpty();
        assertThat(bob.counters.get(Counter.SHOUTS_NOT_MEMBER)).isEqualTo(1);
    }

    @Test
    void whisperIsAlwaysDeliveredWithItsFramesIntact() {
        net.meet(alice, bob);
        Frames content = Frames.of(new byte[] {0, 1, 2}, new byte[0], "three".getBytes());

        alice.engine.whisper(bob.id, content);
        net.deliverAll();

        assertThat(bob.events(ZreEvent.Whisper.class)).containsExactly(new ZreEvent.Whisper(alice.id, "alice", content));
    }

    @Test
    void whisperToAnUnknownPeerIsDroppedAndCounted() {
        assertThat(alice.engine.whisper(bob.id, Frames.ofText("hi"))).isFalse();
        assertThat(alice.counters.get(Counter.WHISPERS_TO_UNKNOWN_PEER)).isEqualTo(1);
    }

    @Test
    void joinWithAStatusThatDisagreesIsCountedAndResynchronisedInsteadOfCrashing() {
        net.meet(alice, bob);

        bob.receive(alice.id, new ZreMessage.Join(2, "CHAT", 7));
        bob.receive(alice.id, new ZreMessage.Join(3, "MORE", 8));

        assertThat(bob.counters.get(Counter.STATUS_MISMATCHES)).isEqualTo(1);
        assertThat(bob.engine.peerGroups(alice.id)).containsExactlyInAnyOrder("CHAT", "MORE");
    }

    @Test
    void groupsJoinedBeforeDiscoveryTravelInHelloWithTheirStatus() {
        EngineNet.Node dave = net.node("dave", b -> b.group("A").group("B"));

        net.meet(dave, bob);
        dave.engine.join("C");
        net.deliverAll();

        assertThat(bob.counters.get(Counter.STATUS_MISMATCHES)).isZero();
        assertThat(bob.engine.peerGroups(dave.id)).containsExactlyInAnyOrder("A", "B", "C");
    }
}
