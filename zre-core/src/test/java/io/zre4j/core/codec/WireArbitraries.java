package io.zre4j.core.codec;

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
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid messages and of mutations to corrupt their encodings with. */
final class WireArbitraries {

    private WireArbitraries() {
    }

    /** Any of the ten messages, with fields of every kind of text and content. */
    static Arbitrary<ZreMessage> messages() {
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> status = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<String> string = text(40);
        Arbitrary<String> longString = text(80);
        Arbitrary<Frames> content = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).list().ofMaxSize(4)
                .map(Frames::wrap);
        Arbitrary<ZreMessage> hello = Combinators.combine(sequence, string, longString.list().ofMaxSize(5), status,
                string, Arbitraries.maps(string, longString).ofMaxSize(5)).as(Hello::new);
        return Arbitraries.oneOf(
                hello,
                Combinators.combine(sequence, content).as(Whisper::new),
                Combinators.combine(sequence, string, content).as(Shout::new),
                Combinators.combine(sequence, string, status).as(Join::new),
                Combinators.combine(sequence, string, status).as(Leave::new),
                sequence.map(Ping::new),
                sequence.map(PingOk::new),
                Combinators.combine(sequence, string, string).as(Elect::new),
                Combinators.combine(sequence, string, string).as(Leader::new),
                sequence.map(Goodbye::new));
    }

    /**
     * Well-formed text of up to {@code maxCodePoints} code points, mostly printable ASCII but with one-,
     * two-, three- and four-byte UTF-8 characters; at most 4 bytes each, so 63 code points fit a string
     * field.
     */
    static Arbitrary<String> text(int maxCodePoints) {
        // One plain int per code point, mapped onto weighted ranges: much cheaper to generate than
        // jqwik's frequencyOf, which matters at a million tries.
        return Arbitraries.integers().greaterOrEqual(0).map(WireArbitraries::codePoint)
                .list().ofMaxSize(maxCodePoints).map(codePoints -> {
                    StringBuilder text = new StringBuilder();
                    codePoints.forEach(text::appendCodePoint);
                    return text.toString();
                });
    }

    /** Six in ten printable ASCII, then one each: any ASCII, two-byte, three-byte (no surrogate), four-byte. */
    private static int codePoint(int random) {
        int value = random / 10;
        switch (random % 10) {
            case 6:
                return value % 0x80;
            case 7:
                return 0x80 + value % (0x800 - 0x80);
            case 8:
                int bmp = 0x800 + value % (0x10000 - 0x800 - 0x800);
                return bmp < 0xD800 ? bmp : bmp + 0x800; // skip the surrogate block
            case 9:
                return 0x10000 + value % 0x100000;
            default:
                return 0x20 + value % 95;
        }
    }

    /** One way to damage a frame. */
    sealed interface Mutation {
        byte[] apply(byte[] frame);
    }

    /** Flips one bit. */
    record FlipBit(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] frame) {
            if (frame.length == 0) {
                return frame;
            }
            byte[] copy = frame.clone();
            copy[Math.floorMod(position, copy.length)] ^= (byte) (1 << bit);
            return copy;
        }
    }

    /** Cuts the frame short. */
    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] frame) {
            return Arrays.copyOf(frame, Math.floorMod(length, frame.length + 1));
        }
    }

    /** Inserts bytes somewhere. */
    record Insert(int position, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] frame) {
            int at = Math.floorMod(position, frame.length + 1);
            byte[] copy = new byte[frame.length + bytes.length];
            System.arraycopy(frame, 0, copy, 0, at);
            System.arraycopy(bytes, 0, copy, at, bytes.length);
            System.arraycopy(frame, at, copy, at + bytes.length, frame.length - at);
            return copy;
        }
    }

    /** Removes bytes from somewhere. */
    record Delete(int position, int count) implements Mutation {
        @Override
        public byte[] apply(byte[] frame) {
            int at = Math.floorMod(position, frame.length + 1);
            int removed = Math.min(count, frame.length - at);
            byte[] copy = new byte[frame.length - removed];
            System.arraycopy(frame, 0, copy, 0, at);
            System.arraycopy(frame, at + removed, copy, at, frame.length - at - removed);
            return copy;
        }
    }

    /** Overwrites a u8 or u32 with an extreme value: what a corrupted length or count field looks like. */
    record OverwriteNumber(int position, int value, int width) implements Mutation {
        @Override
        public byte[] apply(byte[] frame) {
            byte[] copy = frame.clone();
            int at = Math.floorMod(position, frame.length + 1);
            for (int i = 0; i < width && at + i < copy.length; i++) {
                copy[at + i] = (byte) (value >>> (8 * (width - 1 - i)));
            }
            return copy;
        }
    }

    static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().greaterOrEqual(0); // taken modulo the frame size
        return Arbitraries.oneOf(
                Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(FlipBit::new),
                position.map(Truncate::new),
                Combinators.combine(position, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                        .as(Insert::new),
                Combinators.combine(position, Arbitraries.integers().between(1, 8)).as(Delete::new),
                Combinators.combine(position, Arbitraries.integers(), Arbitraries.of(1, 4)).as(OverwriteNumber::new));
    }

    /** One to three mutations applied in turn. */
    static Arbitrary<List<Mutation>> mutationChains() {
        return mutations().list().ofMinSize(1).ofMaxSize(3);
    }
}
