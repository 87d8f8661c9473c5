package io.zre4j;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The 16-byte identity of a ZRE node (a UUID), printed as Zyre prints it: 32 upper-case hex digits.
 *
 * <p>Instances are immutable and cheap to compare and hash, so they work well as map keys. The natural
 * order is the order of the hex strings Zyre compares when it elects a group leader (unsigned
 * byte-wise order).
 */
public final class PeerId implements Comparable<PeerId> {

    /** Number of bytes in a peer identity. */
    public static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final long high;
    private final long low;

    private PeerId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /**
     * Creates a random identity (a version-4 UUID, like Zyre's {@code zuuid_new}).
     *
     * @return a new random identity
     */
    public static PeerId random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return of(bytes);
    }

    /**
     * Creates an identity from its 16 bytes.
     *
     * @param bytes exactly 16 bytes; not retained
     * @return the identity
     * @throws IllegalArgumentException if {@code bytes} is not 16 bytes long
     */
    public static PeerId of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a peer id has 16 bytes, not " + bytes.length);
        }
        return of(bytes, 0);
    }

    /**
     * Reads an identity from 16 bytes of {@code bytes} starting at {@code offset}.
     *
     * @param bytes  the array to read from; not retained
     * @param offset where the identity starts
     * @return the identity
     * @throws IndexOutOfBoundsException if fewer than 16 bytes follow {@code offset}
     */
    public static PeerId of(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, LENGTH);
        return new PeerId(buffer.getLong(), buffer.getLong());
    }

    /**
     * Creates an identity from its two 64-bit halves (big-endian).
     *
     * @param high the first eight bytes
     * @param low  the last eight bytes
     * @return the identity
     */
    public static PeerId of(long high, long low) {
        return new PeerId(high, low);
    }

    /**
     * Parses 32 hex digits (either case), or the canonical UUID form with dashes.
     *
     * @param text the identity as Zyre prints it, e.g. {@code 29501FBA21C14CE5A8EE1D33CC4AC354}
     * @return the identity
     * @throws IllegalArgumentException if {@code text} is not 32 hex digits
     */
    public static PeerId parse(String text) {
        Objects.requireNonNull(text, "text");
        String digits = isCanonicalUuid(text) ? text.replace("-", "") : text;
        if (digits.length() != 32) {
            throw new IllegalArgumentException("a peer id is 32 hex digits, got \"" + text + "\"");
        }
        return new PeerId(parseHalf(digits, 0, text), parseHalf(digits, 16, text));
    }

    /** 8-4-4-4-12 hex digits with dashes exactly there, as {@link java.util.UUID#toString()} prints them. */
    private static boolean isCanonicalUuid(String text) {
        return text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-' && text.charAt(18) == '-'
                && text.charAt(23) == '-';
    }

    private static long parseHalf(String digits, int from, String original) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            char c = digits.charAt(i);
            // Only ASCII hex: Character.digit would also accept other scripts' digits and full-width letters.
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("a peer id is 32 hex digits, got \"" + original + "\"");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /**
     * Returns a fresh copy of the 16 bytes.
     *
     * @return the identity's bytes, big-endian
     */
    public byte[] toBytes() {
        byte[] bytes = new byte[LENGTH];
        writeTo(bytes, 0);
        return bytes;
    }

    /**
     * Writes the 16 bytes into {@code target} at {@code offset}.
     *
     * @param target the array to write into
     * @param offset where to start
     */
    public void writeTo(byte[] target, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, target.length);
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (high >>> (56 - 8 * i));
            target[offset + 8 + i] = (byte) (low >>> (56 - 8 * i));
        }
    }

    /**
     * The first eight bytes as a big-endian long.
     *
     * @return the high half
     */
    public long high() {
        return high;
    }

    /**
     * The last eight bytes as a big-endian long.
     *
     * @return the low half
     */
    public long low() {
        return low;
    }

    /**
     * The first six hex digits, which Zyre uses as a node's default name.
     *
     * @return a short, human-friendly form of the identity
     */
    public String shortName() {
        return toString().substring(0, 6);
    }

    @Override
    public int compareTo(PeerId other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerId that && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    /** The 32 upper-case hex digits, exactly as Zyre prints a uuid. */
    @Override
    public String toString() {
        char[] chars = new char[32];
        for (int i = 0; i < 16; i++) {
            chars[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            chars[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(chars);
    }
}
