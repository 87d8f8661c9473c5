package io.zre4j.core.codec;

/**
 * Writes ZRE fields into one right-sized array. The caller computes the size first (with
 * {@link #stringSize} and {@link #longStringSize}), so the writer never grows, copies or allocates
 * beyond that array; text is encoded straight into it.
 *
 * <p>Not thread-safe: one writer per frame, used once.
 */
final class WireWriter {

    /** The longest {@code string} field, in UTF-8 bytes: its length prefix is one byte. */
    static final int MAX_STRING_BYTES = 255;

    private final byte[] buffer;
    private int position;

    WireWriter(int size) {
        buffer = new byte[size];
    }

    WireWriter u8(int value) {
        buffer[position++] = (byte) value;
        return this;
    }

    WireWriter u16(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
        return this;
    }

    WireWriter u32(int value) {
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
        return this;
    }

    /** A {@code string}; its size must have been checked with {@link #stringSize}. */
    WireWriter string(String value) {
        int lengthAt = position++;
        utf8(value);
        buffer[lengthAt] = (byte) (position - lengthAt - 1);
        return this;
    }

    /** A {@code longstr}. */
    WireWriter longString(String value) {
        int lengthAt = position;
        position += 4;
        utf8(value);
        int length = position - lengthAt - 4;
        buffer[lengthAt] = (byte) (length >>> 24);
        buffer[lengthAt + 1] = (byte) (length >>> 16);
        buffer[lengthAt + 2] = (byte) (length >>> 8);
        buffer[lengthAt + 3] = (byte) length;
        return this;
    }

    /**
     * The written array.
     *
     * @throws IllegalStateException if the computed size and the bytes written disagree (a codec bug)
     */
    byte[] toBytes() {
        if (position != buffer.length) {
            throw new IllegalStateException("wrote " + position + " bytes into a " + buffer.length + "-byte frame");
        }
        return buffer;
    }

    /**
     * Bytes a {@code string} field takes on the wire.
     *
     * @throws IllegalArgumentException if the text is longer than 255 UTF-8 bytes
     */
    static int stringSize(String field, String value) {
        long bytes = utf8Length(value);
        if (bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(field + " is " + bytes + " UTF-8 bytes long; a ZRE string field holds"
                    + " at most 255: \"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"");
        }
        return 1 + (int) bytes;
    }

    /** Bytes a {@code longstr} field takes on the wire. */
    static long longStringSize(String value) {
        return 4 + utf8Length(value);
    }

    /**
     * The UTF-8 length of {@code text}, as {@link String#getBytes} with UTF-8 would produce it (an unpaired
     * surrogate becomes one {@code '?'}), computed without encoding.
     */
    static long utf8Length(String text) {
        int chars = text.length();
        long bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Encodes like {@code String.getBytes(UTF_8)}, straight into the buffer. */
    private void utf8(String text) {
        int chars = text.length();
        byte[] out = buffer;
        int p = position;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[p++] = (byte) (0xF0 | codePoint >> 18);
                out[p++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[p++] = '?';
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        position = p;
    }
}
