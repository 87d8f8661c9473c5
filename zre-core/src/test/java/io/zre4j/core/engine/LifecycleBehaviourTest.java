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
