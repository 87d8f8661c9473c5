package io.zre4j.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Frames;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bytes written by hand from rfc 36 and Zyre's zre_msg.xml, one field per line, so a reader can check
 * each one against the spec.
 */
class ZreCodecGoldenBytesTest {

    private static final int AA = 0xAA;
    private static final int A1 = 0xA1;

    @Test
    void helloWithOneGroupAndOneHeader() {
        byte[] wire = bytes(
                AA, A1, 1, 2, 0, 1,              // signature, HELLO, version 2, sequence 1
                19, "tcp://10.0.0.1:5670",       // endpoint: string
                0, 0, 0, 1,                      // groups: 1 item
                0, 0, 0, 4, "CHAT",              //   longstr
                1,                               // status
                5, "alice",                      // name: string
                0, 0, 0, 1,                      // headers: 1 entry
                6, "X-ROLE",                     //   key: string
                0, 0, 0, 3, "cam");              //   value: longstr
        Hello hello = new Hello(1, "tcp://10.0.0.1:5670", List.of("CHAT"), 1, "alice", Map.of("X-ROLE", "cam"));

        assertEncodesTo(hello, wire);
    }

    @Test
    void whisperIsAHeaderFrameThenTheContentFrames() {
        byte[] header = bytes(AA, A1, 2, 2, 0, 2);
        Whisper whisper = new Whisper(2, Frames.ofText("hi", "there"));

        List<byte[]> frames = ZreCodec.encode(whisper);

        assertThat(frames).hasSize(3);
        assertThat(frames.get(0)).isEqualTo(header);
        assertThat(frames.get(1)).isEqualTo(bytes("hi"));
        assertThat(frames.get(2)).isEqualTo(bytes("there"));
        assertThat(ZreCodec.decode(List.of(header, bytes("hi"), bytes("there")))).isEqualTo(whisper);
    }

    @Test
    void shoutCarriesItsGroupInTheHeaderFrame() {
        byte[] header = bytes(AA, A1, 3, 2, 0x12, 0x34, 4, "CHAT");
        Shout shout = new Shout(0x1234, "CHAT", Frames.ofText("all"));

        assertThat(ZreCodec.encode(shout)).satisfiesExactly(
                first -> assertThat(first).isEqualTo(header),
                second -> assertThat(second).isEqualTo(bytes("all")));
        assertThat(ZreCodec.decode(List.of(header, bytes("all")))).isEqualTo(shout);
    }

    @Test
    void join() {
        assertEncodesTo(new Join(4, "CHAT", 3), bytes(AA, A1, 4, 2, 0, 4, 4, "CHAT", 3));
    }

    @Test
    void leave() {
        assertEncodesTo(new Leave(5, "CHAT", 255), bytes(AA, A1, 5, 2, 0, 5, 4, "CHAT", 255));
    }

    @Test
    void ping() {
        assertEncodesTo(new Ping(6), bytes(AA, A1, 6, 2, 0, 6));
    }

    @Test
    void pingOk() {
        assertEncodesTo(new PingOk(0xFFFF), bytes(AA, A1, 7, 2, 0xFF, 0xFF));
    }

    @Test
    void electCarriesGroupAndChallengerAsStrings() {
        assertEncodesTo(new Elect(8, "G", "AB12"), bytes(AA, A1, 8, 2, 0, 8, 1, "G", 4, "AB12"));
    }

    @Test
    void leaderCarriesGroupAndLeaderAsStrings() {
        assertEncodesTo(new Leader(9, "G", "AB12"), bytes(AA, A1, 9, 2, 0, 9, 1, "G", 4, "AB12"));
    }

    @Test
    void goodbye() {
        assertEncodesTo(new Goodbye(0), bytes(AA, A1, 10, 2, 0, 0));
    }

    @Test
    void nonAsciiTextIsUtf8WithItsByteLength() {
        // "grün": g r 0xC3 0xBC n = 5 bytes for 4 characters
        assertEncodesTo(new Join(1, "gr\u00FCn", 1), bytes(AA, A1, 4, 2, 0, 1, 5, "gr", 0xC3, 0xBC, "n", 1));
    }

    @Test
    void packedHashIsCountThenStringKeyAndLongstrValue() {
        byte[] packed = bytes(0, 0, 0, 2, 1, "a", 0, 0, 0, 1, "1", 2, "bb", 0, 0, 0, 0);
        Map<String, String> hash = new java.util.LinkedHashMap<>();
        hash.put("a", "1");
        hash.put("bb", "");

        assertThat(ZreCodec.packHash(hash)).isEqualTo(packed);
        assertThat(ZreCodec.unpackHash(packed)).containsExactlyEntriesOf(hash);
    }

    private static void assertEncodesTo(ZreMessage message, byte[] wire) {
        assertThat(ZreCodec.encode(message)).singleElement().isEqualTo(wire);
        assertThat(ZreCodec.decode(List.of(wire))).isEqualTo(message);
    }

    /** Integers are single bytes, strings their UTF-8 bytes. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer value) {
                out.write(value);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
