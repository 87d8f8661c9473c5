package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Counter;
import io.zre4j.Frames;
import io.zre4j.MessageType;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.ZreProtocolException;
import io.zre4j.core.codec.ZreMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceBehaviourTest {

    private final EngineNet net = new EngineNet();
    private final EngineNet.Node alice = net.node("alice");
    private final EngineNet.Node bob = net.node("bob");
    private final PeerId ghost = PeerId.random();

    private void ghostSaysHello() {
        bob.receive(ghost, new ZreMessage.Hello(1, "tcp://127.0.0.1:9", List.of(), 0, "ghost", Map.of()));
    }

    @Test
    void everyMessageOnALinkCarriesTheNextSequenceNumberStartingWithHelloAtOne() {
        net.meet(alice, bob);

        alice.engine.join("G");
        alice.engine.shout("G", Frames.ofText("x"));
        alice.engine.whisper(bob.id, Frames.ofText("y"));
        bob.engine.join("G");
        net.deliverAll();
        alice.engine.shout("G", Frames.ofText("z"));

        assertThat(alice.sent).extracting(ZreMessage::sequence).containsExactly(1, 2, 3, 4);
        assertThat(alice.sent).extracting(ZreMessage::type)
                .containsExactly(MessageType.HELLO, MessageType.JOIN, MessageType.WHISPER, MessageType.SHOUT);
    }

    @Test
    void peerThatSkipsASequenceNumberIsDroppedAndRediscovered() {
        net.meet(alice, bob);

        bob.receive(alice.id, new ZreMessage.Whisper(5, Frames.ofText("after a gap")));

        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT);
        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isEqualTo(1);
        assertThat(bob.links).doesNotContainKey(alice.id);

        bob.hears(alice);
        net.deliverAll();
        assertThat(bob.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.ENTER);
    }

    @Test
    void aMessageBeforeHelloIsDroppedButThePendingPeerKept() {
        bob.hears(alice); // bob connected and said HELLO, alice's HELLO has not come

        bob.receive(alice.id, new ZreMessage.Whisper(7, Frames.ofText("stale")));

        assertThat(bob.events).isEmpty();
        assertThat(bob.counters.get(Counter.MESSAGES_BEFORE_HELLO)).isEqualTo(1);
        assertThat(bob.engine.knownPeerCount()).isEqualTo(1);
        assertThat(bob.links).containsKey(alice.id);
    }

    @Test
    void aStaleMessageFromAPeerThatRestartsDoesNotStartAHelloStorm() {
        net.meet(alice, bob);
        EngineNet.Node bobAgain = net.node("bob", bob.id, b -> b, false); // restarted, same uuid

        bobAgain.hears(alice);                                               // greets alice (HELLO 1)
        bobAgain.receive(alice.id, new ZreMessage.Ping(2));                  // alice's old link still talks
        net.deliverAll();

        assertThat(alice.eventTypes()).containsExactly(EventType.ENTER, EventType.EXIT, EventType.ENTER);
        assertThat(bobAgain.eventTypes()).containsExactly(EventType.ENTER);
        assertThat(alice.sent(ZreMessage.Hello.class)).hasSize(2);
        assertThat(bobAgain.sent(ZreMessage.Hello.class)).hasSize(1);
    }

    @Test
    void helloWithASequenceOtherThanOneIsALossAndDropsThePeer() {
        bob.receive(ghost, new ZreMessage.Hello(2, "tcp://127.0.0.1:9", List.of(), 0, "ghost", Map.of()));

        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isEqualTo(1);
        assertThat(bob.engine.peers()).isEmpty();
    }

    @Test
    void sequenceNumbersWrapFrom65535ToZeroLikeZyre() {
        ghostSaysHello();
        for (int seq = 2; seq <= 65535; seq++) {
            bob.receive(ghost, new ZreMessage.Ping(seq));
        }
        bob.receive(ghost, new ZreMessage.Ping(0));
        bob.receive(ghost, new ZreMessage.Ping(1));

        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isZero();
        assertThat(bob.engine.peers()).containsExactly(ghost);
    }

    @Test
    void pyreStyleWrapFrom65534ToZeroIsAccepted() {
        ghostSaysHello();
        for (int seq = 2; seq <= 65534; seq++) {
            bob.receive(ghost, new ZreMessage.PingOk(seq));
        }
        bob.receive(ghost, new ZreMessage.PingOk(0));
        bob.receive(ghost, new ZreMessage.PingOk(1));

        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isZero();
        assertThat(bob.engine.peers()).containsExactly(ghost);
    }

    @Test
    void ourSequenceWrapsAt16Bits() {
        net.meet(alice, bob);
        for (int i = 0; i < 65536; i++) {
            alice.engine.whisper(bob.id, Frames.empty());
        }
        net.deliverAll();

        assertThat(alice.sent.get(alice.sent.size() - 1).sequence()).isEqualTo(1);
        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isZero();
        assertThat(bob.events(ZreEvent.Whisper.class)).hasSize(65536);
    }

    @Test
    void aSendRefusedByTheTransportIsCountedAndDoesNotConsumeASequenceNumber() {
        net.meet(alice, bob);

        alice.refuseSends = true;
        alice.engine.whisper(bob.id, Frames.ofText("refused"));
        alice.refuseSends = false;
        alice.engine.whisper(bob.id, Frames.ofText("accepted"));
        net.deliverAll();

        assertThat(alice.counters.get(Counter.SENDS_REFUSED)).isEqualTo(1);
        assertThat(bob.events(ZreEvent.Whisper.class)).extracting(w -> w.content().text()).containsExactly("accepted");
        assertThat(bob.counters.get(Counter.SEQUENCE_GAPS)).isZero();
    }

    @Test
    void malformedFramesAreDroppedAndCountedByReason() {
        net.meet(alice, bob);

        bob.engine.handleMessage(net.nowNs, alice.id, List.of(new byte[] {1, 2, 3}));
        bob.engine.handleMessage(net.nowNs, alice.id, List.of());

        assertThat(bob.counters.get(Counter.MESSAGES_MALFORMED)).isEqualTo(2);
        assertThat(bob.counters.snapshot().malformed(ZreProtocolException.Reason.BAD_FRAMING)).isEqualTo(1);
        assertThat(bob.engine.peers()).containsExactly(alice.id);
    }
}
