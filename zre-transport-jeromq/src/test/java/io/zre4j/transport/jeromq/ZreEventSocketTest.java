package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEventListener;
import io.zre4j.ZreNode;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.ZreCodec;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class ZreEventSocketTest {

    private static final PeerId PEER = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");
    private static final int RECEIVE_TIMEOUT_MS = 10_000;

    private final ZContext context = new ZContext(1);

    @AfterEach
    void closeContext() {
        context.close();
    }

    static Stream<ZreEvent> everyKindOfEvent() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-ROLE", "camera");
        headers.put("X-EMPTY", "");
        return Stream.of(
                new ZreEvent.Enter(PEER, "alice", headers, "tcp://127.0.0.1:49152"),
                new ZreEvent.Enter(PEER, "alice", Map.of(), "tcp://[::1]:49153"),
                new ZreEvent.Exit(PEER, "alice"),
                new ZreEvent.Join(PEER, "alice", "CHAT"),
                new ZreEvent.Leave(PEER, "alice", "CHAT"),
                new ZreEvent.Whisper(PEER, "alice", Frames.ofText("one")),
                new ZreEvent.Whisper(PEER, "alice", Frames.of(new byte[] {0, 1, 2}, new byte[0], new byte[] {3})),
                new ZreEvent.Whisper(PEER, "alice", Frames.empty()),
                new ZreEvent.Shout(PEER, "alice", "CHAT", Frames.ofText("hello")),
                new ZreEvent.Shout(PEER, "alice", "CHAT", Frames.ofText("part 1", "part 2", "part 3")),
                new ZreEvent.Evasive(PEER, "alice"),
                new ZreEvent.Silent(PEER, "alice"),
                new ZreEvent.Leader(PEER, "alice", "CHAT"),
                new ZreEvent.Stop(PEER, "bob ✓"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfEvent")
    void everyEventSurvivesTheRoundTripThroughTheSocket(ZreEvent event) {
        try (ZreEventSocket events = new ZreEventSocket(context, false, 100)) {
            events.publish(event);

            assertThat(ZreEventSocket.decode(receive(events.socket()))).isEqualTo(event);
        }
    }

    @Test
    void shoutLayoutIsTypeUuidNameGroupThenContent() {
        List<byte[]> frames = EventFrames.encode(new ZreEvent.Shout(PEER, "alice", "CHAT", Frames.ofText("a", "b")));

        assertThat(texts(frames)).containsExactly("SHOUT", "29501FBA21C14CE5A8EE1D33CC4AC354", "alice", "CHAT", "a", "b");
    }

    @Test
    void whisperLayoutIsTypeUuidNameThenContent() {
        List<byte[]> frames = EventFrames.encode(new ZreEvent.Whisper(PEER, "alice", Frames.ofText("x", "y")));

        assertThat(texts(frames)).containsExactly("WHISPER", "29501FBA21C14CE5A8EE1D33CC4AC354", "alice", "x", "y");
    }

    @Test
    void enterLayoutCarriesZhashPackedHeadersThenTheAddress() {
        Map<String, String> headers = Map.of("X-ROLE", "camera");
        List<byte[]> frames = EventFrames.encode(new ZreEvent.Enter(PEER, "alice", headers, "tcp://10.0.0.1:5000"));

        assertThat(frames).hasSize(5);
        assertThat(texts(frames.subList(0, 3))).containsExactly("ENTER", PEER.toString(), "alice");
        // zhash_pack: u32 count, then u8-length key and u32-length value, big-endian.
        assertThat(frames.get(3)).isEqualTo(bytes(0, 0, 0, 1, 6, "X-ROLE", 0, 0, 0, 6, "camera"));
        assertThat(frames.get(3)).isEqualTo(ZreCodec.packHash(headers));
        assertThat(texts(frames.subList(4, 5))).containsExactly("tcp://10.0.0.1:5000");
    }

    @Test
    void groupEventsEndWithTheGroup() {
        assertThat(texts(EventFrames.encode(new ZreEvent.Join(PEER, "a", "G")))).containsExactly("JOIN", PEER.toString(), "a", "G");
        assertThat(texts(EventFrames.encode(new ZreEvent.Leave(PEER, "a", "G")))).containsExactly("LEAVE", PEER.toString(), "a", "G");
        assertThat(texts(EventFrames.encode(new ZreEvent.Leader(PEER, "a", "G")))).containsExactly("LEADER", PEER.toString(), "a", "G");
    }

    @Test
    void peerEventsEndWithTheName() {
        assertThat(texts(EventFrames.encode(new ZreEvent.Exit(PEER, "a")))).containsExactly("EXIT", PEER.toString(), "a");
        assertThat(texts(EventFrames.encode(new ZreEvent.Evasive(PEER, "a")))).containsExactly("EVASIVE", PEER.toString(), "a");
        assertThat(texts(EventFrames.encode(new ZreEvent.Silent(PEER, "a")))).containsExactly("SILENT", PEER.toString(), "a");
        assertThat(texts(EventFrames.encode(new ZreEvent.Stop(PEER, "a")))).containsExactly("STOP", PEER.toString(), "a");
    }

    @Test
    void anEnterWithoutAHeadersFrameDecodesWithNoHeaders() {
        ZreEvent event = ZreEventSocket.decode(frames("ENTER", PEER.toString(), "alice", "tcp://10.0.0.1:5000"));

        assertThat(event).isEqualTo(new ZreEvent.Enter(PEER, "alice", Map.of(), "tcp://10.0.0.1:5000"));
    }

    @Test
    void anApplicationPollerSeesTheEventSocketBecomeReadable() {
        try (ZreEventSocket events = new ZreEventSocket(context, false, 100);
                ZMQ.Poller poller = context.createPoller(1)) {
            int index = poller.register(events.socket(), ZMQ.Poller.POLLIN);
            assertThat(poller.poll(0)).isZero();

            events.publish(new ZreEvent.Join(PEER, "alice", "CHAT"));

            assertThat(poller.poll(RECEIVE_TIMEOUT_MS)).isEqualTo(1);
            assertThat(poller.pollin(index)).isTrue();
        }
    }

    @Test
    void eventsBeyondTheHighWaterMarkAreDroppedAndCounted() {
        try (ZreEventSocket events = new ZreEventSocket(context, false, 2)) {
            for (int i = 0; i < 50; i++) {
                events.publish(new ZreEvent.Join(PEER, "alice", "G" + i));
            }

            assertThat(events.droppedEvents()).isPositive();
            assertThat(ZreEventSocket.decode(receive(events.socket()))).isEqualTo(new ZreEvent.Join(PEER, "alice", "G0"));
            assertThat(ZreEventSocket.decode(receive(events.socket()))).isEqualTo(new ZreEvent.Join(PEER, "alice", "G1"));
        }
    }

    @Test
    void eventsAfterCloseAreIgnored() {
        ZreEventSocket events = new ZreEventSocket(context, false, 100);
        events.close();

        events.publish(new ZreEvent.Exit(PEER, "alice"));
        events.close();

        assertThat(events.droppedEvents()).isZero();
    }

    @Test
    void attachingRegistersAListenerThatWritesTheNodesEvents() {
        List<ZreEventListener> listeners = new ArrayList<>();
        ZreNode node = fakeNode(listeners);

        try (ZreEventSocket events = ZreEventSocket.attach(node, context)) {
            assertThat(listeners).hasSize(1);
            listeners.get(0).onEvent(new ZreEvent.Shout(PEER, "alice", "CHAT", Frames.ofText("hi", "there")));

            assertThat(texts(receive(events.socket()))).containsExactly("SHOUT", PEER.toString(), "alice", "CHAT", "hi", "there");
        }
    }

    @Test
    void attachingWithItsOwnContextClosesItWithTheSocket() {
        List<ZreEventListener> listeners = new ArrayList<>();
        ZreEventSocket events = ZreEventSocket.attach(fakeNode(listeners));
        listeners.get(0).onEvent(new ZreEvent.Stop(PEER, "me"));

        assertThat(ZreEventSocket.decode(receive(events.socket()))).isEqualTo(new ZreEvent.Stop(PEER, "me"));
        events.close();
        listeners.get(0).onEvent(new ZreEvent.Stop(PEER, "me"));
    }

    @Test
    void malformedEventMessagesAreTypedProtocolErrors() {
        assertRejected(frames("EXIT", PEER.toString()), Reason.BAD_FRAMING);
        assertRejected(frames("HELLO", PEER.toString(), "alice"), Reason.INVALID_FIELD);
        assertRejected(frames("EXIT", "not-a-uuid", "alice"), Reason.INVALID_FIELD);
        assertRejected(List.of(utf8("EXIT"), utf8(PEER.toString()), new byte[] {(byte) 0xC3, 0x28}), Reason.INVALID_UTF8);
        assertRejected(frames("JOIN", PEER.toString(), "alice"), Reason.BAD_FRAMING);
        assertRejected(frames("EXIT", PEER.toString(), "alice", "extra"), Reason.BAD_FRAMING);
        assertRejected(frames("SHOUT", PEER.toString(), "alice"), Reason.BAD_FRAMING);
        assertRejected(frames("ENTER", PEER.toString(), "alice"), Reason.BAD_FRAMING);
        assertRejected(List.of(), Reason.BAD_FRAMING);
    }

    private static void assertRejected(List<byte[]> frames, Reason reason) {
        assertThatThrownBy(() -> ZreEventSocket.decode(frames))
                .isInstanceOfSatisfying(ZreProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            assertThat(frame).as("an event frame within %d ms", RECEIVE_TIMEOUT_MS).isNotNull();
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** A node that only records its listeners: enough for attach(), which uses config() and onEvent(). */
    private static ZreNode fakeNode(List<ZreEventListener> listeners) {
        ZreConfig config = ZreConfig.builder().eventQueueCapacity(100).build();
        return (ZreNode) Proxy.newProxyInstance(ZreNode.class.getClassLoader(), new Class<?>[] {ZreNode.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "config" -> config;
                    case "onEvent" -> {
                        listeners.add((ZreEventListener) args[0]);
                        yield null;
                    }
                    case "toString" -> "fake node";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<byte[]> frames(String... texts) {
        return TransportFixture.frames(texts);
    }

    private static List<String> texts(List<byte[]> frames) {
        return frames.stream().map(frame -> new String(frame, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Concatenates small ints (one byte each) and strings (UTF-8). */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer value) {
                out.write(value);
            } else {
                out.writeBytes(utf8((String) part));
            }
        }
        return out.toByteArray();
    }
}
