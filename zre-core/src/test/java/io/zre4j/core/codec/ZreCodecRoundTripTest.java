package io.zre4j.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.Frames;
import io.zre4j.MessageType;
import io.zre4j.core.codec.ZreMessage.Elect;
import io.zre4j.core.codec.ZreMessage.Goodbye;
import io.zre4j.core.codec.ZreMessage.Hello;
import io.zre4j.core.codec.ZreMessage.Join;
import io.zre4j.core.codec.ZreMessage.Leader;
import io.zre4j.core.codec.ZreMessage.Leave;
import io.zre4j.core.codec.ZreMessage.Ping;
import io.zre4j.core.codec.ZreMessage.PingOk;
import io.zre4j.core.codec.ZreMessage.Shout;
import io.zre4j.core.codec.ZreMessage.Whisper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZreCodecRoundTripTest {

    private static final String MAX_ASCII = "g".repeat(255);
    /** 85 three-byte characters: exactly 255 UTF-8 bytes. */
    private static final String MAX_UNICODE = "\u20AC".repeat(85);

    static Stream<ZreMessage> everyMessageType() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-ROLE", "camera");
        headers.put("X-EMPTY", "");
        return Stream.of(
                new Hello(1, "tcp://192.168.1.20:49152", List.of("CHAT", "VIDEO"), 2, "alice", headers),
                new Whisper(2, Frames.ofText("hello", "second frame")),
                new Shout(3, "CHAT", Frames.ofText("to everyone")),
                new Join(4, "CHAT", 3),
                new Leave(5, "CHAT", 4),
                new Ping(6),
                new PingOk(7),
                new Elect(8, "CHAT", "29501FBA21C14CE5A8EE1D33CC4AC354"),
                new Leader(9, "CHAT", "29501FBA21C14CE5A8EE1D33CC4AC354"),
                new Goodbye(10));
    }

    static Stream<ZreMessage> edgeCases() {
        return Stream.of(
                new Hello(1, "", List.of(), 0, "", Map.of()),
                new Hello(65535, MAX_ASCII, List.of(MAX_ASCII + MAX_ASCII), 255, MAX_UNICODE,
                        Map.of(MAX_UNICODE, "v".repeat(100_000))),
                new Hello(0, "tcp://[::1]:5670", List.of("gr\u00FCn", "\u7FA4\u7D44", "\uD83D\uDE80"), 1,
                        "J\u00FCrgen \uD83D\uDE00", Map.of("\u540D\u524D", "\u00E9t\u00E9")),
                new Whisper(0, Frames.empty()),
                new Whisper(65535, Frames.of(new byte[0])),
                new Whisper(1, Frames.of(new byte[0], new byte[] {0}, new byte[70_000])),
                new Shout(0, MAX_UNICODE, Frames.empty()),
                new Shout(65535, "\u00FCber", Frames.of(new byte[] {1, 2}, new byte[0], new byte[] {3})),
                new Join(65535, MAX_ASCII, 255),
                new Leave(0, "", 0),
                new Ping(65535),
                new PingOk(0),
                new Elect(65535, MAX_UNICODE, MAX_ASCII),
                new Leader(0, "", ""),
                new Goodbye(65535));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessageType")
    void everyMessageTypeSurvivesARoundTrip(ZreMessage message) {
        assertThat(ZreCodec.decode(ZreCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void theSampleCoversAllTenMessageTypes() {
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        everyMessageType().forEach(message -> types.add(message.type()));
        assertThat(types).containsExactlyInAnyOrder(MessageType.values());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("edgeCases")
    void edgeCasesSurviveARoundTrip(ZreMessage message) {
        assertThat(ZreCodec.decode(ZreCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void helloHeadersKeepTheirInsertionOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String key : List.of("Z", "A", "M", "B", "Y")) {
            headers.put(key, key.toLowerCase());
        }
        Hello hello = new Hello(1, "tcp://127.0.0.1:1", List.of(), 0, "n", headers);

        Hello decoded = (Hello) ZreCodec.decode(ZreCodec.encode(hello));

        assertThat(new ArrayList<>(decoded.headers().keySet())).containsExactly("Z", "A", "M", "B", "Y");
    }

    @Test
    void helloGroupsKeepTheirOrder() {
        Hello hello = new Hello(1, "tcp://127.0.0.1:1", List.of("b", "a", "c"), 0, "n", Map.of());

        assertThat(((Hello) ZreCodec.decode(ZreCodec.encode(hello))).groups()).containsExactly("b", "a", "c");
    }

    @Test
    void encodeReusesTheContentArraysWithoutCopying() {
        byte[] first = {1, 2, 3};
        byte[] second = {4};
        Frames content = Frames.wrap(List.of(first, second));

        List<byte[]> frames = ZreCodec.encode(new Shout(1, "G", content));

        assertThat(frames).hasSize(3);
        assertThat(frames.get(1)).isSameAs(first);
        assertThat(frames.get(2)).isSameAs(second);
    }

    @Test
    void decodeWrapsTheContentArraysWithoutCopying() {
        byte[] header = ZreCodec.encodeHeader(new Whisper(1, Frames.empty()));
        byte[] payload = {9, 8, 7};

        Whisper whisper = (Whisper) ZreCodec.decode(List.of(header, payload));

        assertThat(whisper.content().frame(0)).isSameAs(payload);
    }

    @Test
    void messageWithEmptyContentIsJustTheHeaderFrame() {
        assertThat(ZreCodec.encode(new Whisper(1, Frames.empty()))).hasSize(1);
        assertThat(ZreCodec.encode(new Shout(1, "G", Frames.empty()))).hasSize(1);
    }

    @Test
    void encodeHeaderIsTheFirstFrameOfEncode() {
        Shout shout = new Shout(42, "CHAT", Frames.ofText("x", "y"));

        assertThat(ZreCodec.encodeHeader(shout)).isEqualTo(ZreCodec.encode(shout).get(0));
    }

    @Test
    void withSequencePatchesOnlyTheSequenceOfACopy() {
        Shout shout = new Shout(1, "CHAT", Frames.empty());
        byte[] header = ZreCodec.encodeHeader(shout);
        byte[] original = header.clone();

        byte[] patched = ZreCodec.withSequence(header, 0xBEEF);

        assertThat(patched).isEqualTo(ZreCodec.encodeHeader(shout.withSequence(0xBEEF)));
        assertThat(header).isEqualTo(original);
        assertThat(ZreCodec.decode(List.of(patched)).sequence()).isEqualTo(0xBEEF);
    }

    @Test
    void withSequenceAcceptsBothEndsOfTheRange() {
        byte[] header = ZreCodec.encodeHeader(new Ping(7));

        assertThat(ZreCodec.decode(List.of(ZreCodec.withSequence(header, 0))).sequence()).isZero();
        assertThat(ZreCodec.decode(List.of(ZreCodec.withSequence(header, 65535))).sequence()).isEqualTo(65535);
    }

    @Test
    void withSequenceRejectsASequenceOutOfRange() {
        byte[] header = ZreCodec.encodeHeader(new Ping(1));

        assertThatThrownBy(() -> ZreCodec.withSequence(header, 65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> ZreCodec.withSequence(header, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withSequenceRejectsSomethingThatIsNotAHeaderFrame() {
        assertThatThrownBy(() -> ZreCodec.withSequence(new byte[] {(byte) 0xAA, (byte) 0xA1, 6, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreCodec.withSequence("hello!".getBytes(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStringOf255BytesIsAccepted() {
        Join join = new Join(1, MAX_ASCII, 1);

        assertThat(ZreCodec.encodeHeader(join)).hasSize(6 + 1 + 255 + 1);
    }

    @Test
    void aStringOver255Utf8BytesIsRejectedWithItsFieldAndSize() {
        String tooLong = "\u00E9".repeat(128); // 128 characters, 256 bytes

        assertThatThrownBy(() -> ZreCodec.encode(new Shout(1, tooLong, Frames.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHOUT group")
                .hasMessageContaining("256");
        assertThatThrownBy(() -> ZreCodec.encode(new Hello(1, "e", List.of(), 0, "n", Map.of(tooLong, "v"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header key");
    }

    @Test
    void longStringFieldsMayExceed255Bytes() {
        String longGroup = "x".repeat(1000);
        Hello hello = new Hello(1, "e", List.of(longGroup), 0, "n", Map.of("k", longGroup));

        assertThat(((Hello) ZreCodec.decode(ZreCodec.encode(hello))).groups()).containsExactly(longGroup);
    }

    @Test
    void encodedFramesAreUnmodifiable() {
        List<byte[]> frames = ZreCodec.encode(new Whisper(1, Frames.ofText("a")));

        assertThatThrownBy(() -> frames.add(new byte[0])).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void helloRejectsANullHeaderValue() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("k", null);

        assertThatThrownBy(() -> new Hello(1, "e", List.of(), 0, "n", headers))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("header value");
    }

    @Test
    void packedHashSurvivesARoundTripInOrder() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("X-ZYRE", "yes");
        hash.put("\u00E9", "\uD83D\uDE80");
        hash.put("empty", "");

        Map<String, String> unpacked = ZreCodec.unpackHash(ZreCodec.packHash(hash));

        assertThat(unpacked).containsExactlyEntriesOf(hash);
    }

    @Test
    void emptyHashPacksToAZeroCount() {
        assertThat(ZreCodec.packHash(Map.of())).containsExactly(0, 0, 0, 0);
        assertThat(ZreCodec.unpackHash(new byte[4])).isEmpty();
    }

    @Test
    void unpackedHashIsUnmodifiable() {
        Map<String, String> unpacked = ZreCodec.unpackHash(ZreCodec.packHash(Map.of("k", "v")));

        assertThatThrownBy(() -> unpacked.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contentFramesAreComparedByValue() {
        Whisper whisper = new Whisper(1, Frames.of(new byte[] {1}, new byte[] {2}));
        List<byte[]> frames = ZreCodec.encode(whisper);

        Whisper decoded = (Whisper) ZreCodec.decode(frames);

        assertThat(decoded.content().asList()).hasSize(2);
        assertThat(Arrays.equals(decoded.content().frame(1), new byte[] {2})).isTrue();
    }
}
