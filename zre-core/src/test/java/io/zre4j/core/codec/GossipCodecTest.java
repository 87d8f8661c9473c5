package io.zre4j.core.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** czmq's ZGOSSIP v1 messages, as zgossip_msg.c writes them (bytes from zgossip_msg.bnf, written by hand). */
class GossipCodecTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void helloPingPongAndInvalidAreSignatureIdAndVersion() {
        assertThat(GossipCodec.encode(new GossipMessage.Hello())).isEqualTo(hex("AA A0 01 01"));
        assertThat(GossipCodec.encode(new GossipMessage.Ping())).isEqualTo(hex("AA A0 03 01"));
        assertThat(GossipCodec.encode(new GossipMessage.Pong())).isEqualTo(hex("AA A0 04 01"));
        assertThat(GossipCodec.encode(new GossipMessage.Invalid())).isEqualTo(hex("AA A0 05 01"));
    }

    @Test
    void publishCarriesAStringKeyALongStringValueAndATtl() {
        byte[] wire = hex("AA A0 02 01  02 6B 31  00 00 00 03 74 63 70  00 00 03 E8");

        assertThat(GossipCodec.encode(new GossipMessage.Publish("k1", "tcp", 1000))).isEqualTo(wire);
        assertThat(GossipCodec.decode(wire)).isEqualTo(new GossipMessage.Publish("k1", "tcp", 1000));
    }

    @Test
    void zyresTupleSurvivesARoundTrip() {
        GossipMessage tuple = new GossipMessage.Publish("29501FBA21C14CE5A8EE1D33CC4AC354", "tcp://10.8.0.2:49152", 0);

        assertThat(GossipCodec.decode(GossipCodec.encode(tuple))).isEqualTo(tuple);
    }

    @Test
    void everyMessageDecodesToItself() {
        for (GossipMessage message : new GossipMessage[] {new GossipMessage.Hello(), new GossipMessage.Ping(),
                new GossipMessage.Pong(), new GossipMessage.Invalid()}) {
            assertThat(GossipCodec.decode(GossipCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void aZreMessageIsNotGossip() {
        assertReason(hex("AA A1 01 02 00 01"), Reason.BAD_SIGNATURE);
    }

    @Test
    void anUnknownIdIsRefused() {
        assertReason(hex("AA A0 06 01"), Reason.UNKNOWN_MESSAGE_ID);
        assertReason(hex("AA A0 00 01"), Reason.UNKNOWN_MESSAGE_ID);
    }

    @Test
    void anotherVersionIsRefused() {
        assertReason(hex("AA A0 01 02"), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void truncatedFramesAreRefused() {
        assertReason(hex(""), Reason.BAD_SIGNATURE);
        assertReason(hex("AA A0 01"), Reason.TRUNCATED);
        assertReason(hex("AA A0 02 01 02 6B 31 00 00 00 03 74 63 70 00 00"), Reason.TRUNCATED);
    }

    @Test
    void aValueLongerThanTheFrameIsRefusedWithoutAllocatingIt() {
        assertReason(hex("AA A0 02 01 01 6B 7F FF FF FF 74"), Reason.LENGTH_PAST_END);
    }

    @Test
    void aKeyThatIsNotUtf8IsRefused() {
        assertReason(hex("AA A0 02 01 02 C3 28 00 00 00 00 00 00 00 00"), Reason.INVALID_UTF8);
    }

    @Test
    void aKeyLongerThan255BytesCannotBeEncoded() {
        assertThatThrownBy(() -> GossipCodec.encode(new GossipMessage.Publish("k".repeat(256), "v", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
    }

    @Property
    void anyPublishSurvivesARoundTrip(@ForAll @StringLength(max = 80) String key, @ForAll @StringLength(max = 300) String value,
            @ForAll @IntRange(min = 0) int ttl) {
        // Unpaired surrogates are written as '?', as String.getBytes does: compare with what the wire can hold.
        String wireKey = new String(key.getBytes(UTF_8), UTF_8);
        String wireValue = new String(value.getBytes(UTF_8), UTF_8);

        assertThat(GossipCodec.decode(GossipCodec.encode(new GossipMessage.Publish(key, value, ttl))))
                .isEqualTo(new GossipMessage.Publish(wireKey, wireValue, ttl));
    }

    @Property
    void decodingRandomBytesAfterTheSignatureIsSafe(@ForAll @IntRange(min = 0, max = 7) int id,
            @ForAll @IntRange(min = 0, max = 2) int version, @ForAll @Size(max = 64) byte[] rest) {
        byte[] frame = new byte[4 + rest.length];
        frame[0] = (byte) 0xAA;
        frame[1] = (byte) 0xA0;
        frame[2] = (byte) id;
        frame[3] = (byte) version;
        System.arraycopy(rest, 0, frame, 4, rest.length);
        try {
            assertThat(GossipCodec.decode(frame)).isNotNull();
        } catch (ZreProtocolException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void assertReason(byte[] frame, Reason reason) {
        assertThatThrownBy(() -> GossipCodec.decode(frame))
                .isInstanceOfSatisfying(ZreProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
