package io.zre4j.core.codec;

import static io.zre4j.core.codec.ZreCodecGoldenBytesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.Frames;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.ZreMessage.Hello;
import io.zre4j.core.codec.ZreMessage.Join;
import io.zre4j.core.codec.ZreMessage.Ping;
import io.zre4j.core.codec.ZreMessage.Shout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZreCodecMalformedInputTest {

    private static final int AA = 0xAA;
    private static final int A1 = 0xA1;

    // ------------------------------------------------------------------------------------- framing

    @Test
    void noFrameAtAllIsBadFraming() {
        assertRejected(List.of(), Reason.BAD_FRAMING).hasMessageContaining("no frame");
    }

    @Test
    void aNullFrameListIsBadFraming() {
        assertRejected(null, Reason.BAD_FRAMING);
    }

    @Test
    void aNullHeaderFrameIsBadFraming() {
        assertRejected(Arrays.asList((byte[]) null), Reason.BAD_FRAMING).hasMessageContaining("header");
    }

    @Test
    void aNullContentFrameIsBadFraming() {
        List<byte[]> frames = new ArrayList<>();
        frames.add(bytes(AA, A1, 2, 2, 0, 1));
        frames.add(null);

        assertRejected(frames, Reason.BAD_FRAMING).hasMessageContaining("content frame 1");
    }

    @Test
    void extraFramesAfterAMessageWithoutContentAreIgnored() {
        ZreMessage message = ZreCodec.decode(List.of(bytes(AA, A1, 6, 2, 0, 9), bytes("stray"), new byte[0]));

        assertThat(message).isEqualTo(new Ping(9));
    }

    @Test
    void bytesAfterTheLastFieldAreIgnoredForForwardCompatibility() {
        ZreMessage message = ZreCodec.decode(List.of(bytes(AA, A1, 4, 2, 0, 1, 1, "G", 7, "future field")));

        assertThat(message).isEqualTo(new Join(1, "G", 7));
    }

    @Test
    void aRepeatedHeaderKeyKeepsItsFirstValueLikeZyre() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 0, 0, 1, "n",
                0, 0, 0, 2, 1, "k", 0, 0, 0, 5, "first", 1, "k", 0, 0, 0, 6, "second");

        assertThat(((Hello) ZreCodec.decode(List.of(hello))).headers()).containsExactly(Map.entry("k", "first"));
    }

    // ------------------------------------------------------------------------------------- prelude

    @Test
    void anEmptyHeaderFrameIsTruncated() {
        assertRejected(List.of(new byte[0]), Reason.TRUNCATED).hasMessageContaining("signature");
    }

    @Test
    void aLoneFirstSignatureByteIsTruncated() {
        assertRejected(List.of(bytes(AA)), Reason.TRUNCATED);
    }

    @Test
    void aForeignFirstByteIsABadSignatureEvenWhenAlone() {
        assertRejected(List.of(bytes(0x00)), Reason.BAD_SIGNATURE).hasMessageContaining("0x00");
    }

    @Test
    void aWrongSignatureIsRejectedWithTheBytesFound() {
        assertRejected(List.of(bytes(AA, 0xA0, 1, 2, 0, 1)), Reason.BAD_SIGNATURE)
                .hasMessageContaining("0xAA 0xA0")
                .hasMessageContaining("0xAA 0xA1");
    }

    @Test
    void aSignatureWithoutMessageIdIsTruncated() {
        assertRejected(List.of(bytes(AA, A1)), Reason.TRUNCATED).hasMessageContaining("message id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, 12, 127, 128, 255})
    void anUnknownMessageIdIsRejected(int id) {
        assertRejected(List.of(bytes(AA, A1, id, 2, 0, 1)), Reason.UNKNOWN_MESSAGE_ID)
                .hasMessageContaining("message id " + id);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 255})
    void anyVersionButTwoIsUnsupported(int version) {
        assertRejected(List.of(bytes(AA, A1, 6, version, 0, 1)), Reason.UNSUPPORTED_VERSION)
                .hasMessageContaining("version " + version);
    }

    @Test
    void aMissingSequenceIsTruncated() {
        assertRejected(List.of(bytes(AA, A1, 6, 2, 0)), Reason.TRUNCATED)
                .hasMessageContaining("'sequence' at offset 4")
                .hasMessageContaining("PING header frame");
    }

    // -------------------------------------------------------------------------------------- fields

    @Test
    void aMissingFieldIsTruncatedAndNamed() {
        assertRejected(List.of(bytes(AA, A1, 4, 2, 0, 1, 1, "G")), Reason.TRUNCATED)
                .hasMessageContaining("'status' at offset 8")
                .hasMessageContaining("JOIN");
    }

    @Test
    void aStringLongerThanTheFrameIsLengthPastEnd() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 12, "abc")), Reason.LENGTH_PAST_END)
                .hasMessageContaining("'group' at offset 6")
                .hasMessageContaining("12 bytes")
                .hasMessageContaining("only 3");
    }

    @Test
    void aLongStringLongerThanTheFrameIsLengthPastEnd() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 1, 0, 0, 1, 0, "short");

        assertRejected(List.of(hello), Reason.LENGTH_PAST_END).hasMessageContaining("'groups'")
                .hasMessageContaining("256 bytes");
    }

    @Test
    void aLongStringLengthIsUnsigned() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF, "x");

        assertRejected(List.of(hello), Reason.LENGTH_PAST_END).hasMessageContaining("4294967295 bytes");
    }

    @Test
    void aHugeGroupCountInASmallFrameFailsWithoutSizingAList() {
        // 2^31 groups announced, ten bytes present: must fail at once, not allocate a list of 2^31 entries.
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        assertRejected(List.of(hello), Reason.LENGTH_PAST_END)
                .hasMessageContaining("'groups' at offset 8")
                .hasMessageContaining("2147483648 items")
                .hasMessageContaining("only 10 bytes");
    }

    @Test
    void aHeaderCountIsUnsigned() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 0, 1, 1, "n", 0xFF, 0xFF, 0xFF, 0xFF);

        assertRejected(List.of(hello), Reason.LENGTH_PAST_END).hasMessageContaining("4294967295 items");
    }

    @Test
    void aTruncatedCountIsTruncated() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0);

        assertRejected(List.of(hello), Reason.TRUNCATED).hasMessageContaining("'groups'");
    }

    @Test
    void aCountThatFitsButItemsThatDoNotIsStillRejected() {
        // 2 groups announced and 9 bytes follow: the count check passes, the first group takes all 9.
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 2, 0, 0, 0, 5, "abcde");

        assertRejected(List.of(hello), Reason.TRUNCATED);
    }

    @Test
    void malformedUtf8IsInvalidUtf8() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 2, 0xC3, 0x28)), Reason.INVALID_UTF8)
                .hasMessageContaining("'group' at offset 6");
    }

    @Test
    void anOverlongEncodingIsInvalidUtf8() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 2, 0xC0, 0x80)), Reason.INVALID_UTF8);
    }

    @Test
    void anEncodedSurrogateIsInvalidUtf8() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 3, 0xED, 0xA0, 0x80)), Reason.INVALID_UTF8);
    }

    @Test
    void aMultiByteCharacterCutAtTheEndIsReplacedBecausePyreSendsThat() {
        // Pyre's "café" as a 4-byte string: c a f and the first byte of é.
        ZreMessage.Shout shout = (ZreMessage.Shout) ZreCodec.decode(List.of(bytes(AA, A1, 3, 2, 0, 1, 4, "caf", 0xC3)));

        assertThat(shout.group()).isEqualTo("caf\uFFFD");
    }

    @Test
    void aCutCharacterBeforeTheEndIsInvalidUtf8() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 2, 0xE2, 0x41)), Reason.INVALID_UTF8);
    }

    @Test
    void aLoneContinuationByteAtTheEndIsInvalidUtf8() {
        assertRejected(List.of(bytes(AA, A1, 3, 2, 0, 1, 2, 0x41, 0x80)), Reason.INVALID_UTF8);
    }

    @Test
    void invalidUtf8InAHeaderValueIsRejected() {
        byte[] hello = bytes(AA, A1, 1, 2, 0, 1, 1, "e", 0, 0, 0, 0, 0, 1, "n", 0, 0, 0, 1, 1, "k", 0, 0, 0, 1, 0xFF);

        assertRejected(List.of(hello), Reason.INVALID_UTF8).hasMessageContaining("headers value");
    }

    // ------------------------------------------------------------------------------ standalone hash

    @Test
    void aPackedHashWithoutCountIsTruncated() {
        assertThatThrownBy(() -> ZreCodec.unpackHash(new byte[3]))
                .isInstanceOfSatisfying(ZreProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
                .hasMessageContaining("packed hash");
    }

    @Test
    void aPackedHashWithAHugeCountIsLengthPastEnd() {
        assertThatThrownBy(() -> ZreCodec.unpackHash(bytes(0x7F, 0xFF, 0xFF, 0xFF, 1, "k")))
                .isInstanceOfSatisfying(ZreProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LENGTH_PAST_END));
    }

    @Test
    void aNullPackedHashIsBadFraming() {
        assertThatThrownBy(() -> ZreCodec.unpackHash(null))
                .isInstanceOfSatisfying(ZreProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FRAMING));
    }

    @Test
    void everyTruncationOfAValidHelloIsRejectedAsTruncatedOrLengthPastEnd() {
        byte[] hello = ZreCodec.encodeHeader(new Hello(1, "tcp://127.0.0.1:1", List.of("a", "b"), 1, "n",
                Map.of("k", "v")));

        for (int length = 0; length < hello.length; length++) {
            byte[] cut = Arrays.copyOf(hello, length);
            assertThatThrownBy(() -> ZreCodec.decode(List.of(cut)))
                    .as("HELLO cut to %d bytes", length)
                    .isInstanceOfSatisfying(ZreProtocolException.class, e -> assertThat(e.reason())
                            .isIn(Reason.TRUNCATED, Reason.LENGTH_PAST_END));
        }
    }

    @Test
    void aShoutCutInsideItsGroupIsLengthPastEnd() {
        byte[] shout = ZreCodec.encodeHeader(new Shout(1, "GROUP", Frames.empty()));

        assertRejected(List.of(Arrays.copyOf(shout, shout.length - 1)), Reason.LENGTH_PAST_END);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(List<byte[]> frames, Reason reason) {
        return assertThatThrownBy(() -> ZreCodec.decode(frames))
                .isInstanceOfSatisfying(ZreProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
