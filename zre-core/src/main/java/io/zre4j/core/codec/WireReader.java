package io.zre4j.core.codec;

import io.zre4j.MessageType;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads ZRE fields from one frame, checking every bound. Each method either returns a value that lies
 * wholly inside the frame or throws {@link ZreProtocolException}; nothing is ever allocated from an
 * untrusted length or count beyond the bytes actually present.
 *
 * <p>Not thread-safe: one reader per frame, used once.
 */
final class WireReader {

    private final byte[] frame;
    private final String what;
    private MessageType type;
    private int position;

    /**
     * @param frame the frame to read
     * @param what  what the frame is, for error messages (e.g. "header frame", "packed hash")
     */
    WireReader(byte[] frame, String what) {
        this.frame = frame;
        this.what = what;
    }

    /** Names the frame's message type in error messages once it is known (no string is built until one fails). */
    void messageType(MessageType type) {
        this.type = type;
    }

    /** Bytes left after the read position. */
    int remaining() {
        return frame.length - position;
    }

    /** An unsigned byte. */
    int u8(String field) {
        require(1, field);
        return frame[position++] & 0xFF;
    }

    /** An unsigned big-endian 16-bit number. */
    int u16(String field) {
        require(2, field);
        int value = (frame[position] & 0xFF) << 8 | (frame[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** An unsigned big-endian 32-bit number; a long, because the wire value may exceed {@code int}. */
    long u32(String field) {
        require(4, field);
        long value = ((long) (frame[position] & 0xFF) << 24) | (frame[position + 1] & 0xFF) << 16
                | (frame[position + 2] & 0xFF) << 8 | (frame[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** A {@code string}: u8 length, then that many UTF-8 bytes. */
    String string(String field) {
        int lengthAt = position;
        return utf8(field, lengthAt, u8(field));
    }

    /** A {@code longstr}: u32 length, then that many UTF-8 bytes. */
    String longString(String field) {
        int lengthAt = position;
        return utf8(field, lengthAt, u32(field));
    }

    /**
     * A u32 count of items that each take at least {@code minItemBytes}; checked against the bytes left,
     * so a huge count in a small frame fails here instead of sizing a collection after it.
     *
     * @return the count, small enough to size a collection with
     */
    int count(String field, int minItemBytes) {
        int countAt = position;
        long count = u32(field);
        if (count * minItemBytes > remaining()) {
            throw new ZreProtocolException(Reason.LENGTH_PAST_END, describe(field, countAt) + " announces " + count
                    + " items of at least " + minItemBytes + " bytes each, but only " + remaining()
                    + " bytes follow");
        }
        return (int) count;
    }

    private String utf8(String field, int lengthAt, long length) {
        if (length > remaining()) {
            throw new ZreProtocolException(Reason.LENGTH_PAST_END, describe(field, lengthAt) + " announces "
                    + length + " bytes, but only " + remaining() + " follow");
        }
        int start = position;
        int end = start + (int) length;
        position = end;
        for (int i = start; i < end; i++) {
            if (frame[i] < 0) {
                return strictUtf8(field, lengthAt, start, end - start);
            }
        }
        // ASCII, hence valid UTF-8, and Latin-1 decoding of it is a plain widening copy.
        return new String(frame, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private String strictUtf8(String field, int lengthAt, int start, int length) {
        try {
            return decodeStrictly(start, length);
        } catch (CharacterCodingException e) {
            // Pyre writes a string's length in characters and cuts its UTF-8 bytes to that count, so its
            // non-ASCII names and headers can end inside a character. Accept exactly that (a valid prefix
            // then one incomplete character), as Zyre does, rather than lose the peer; reject anything else.
            int cut = incompleteTail(start, start + length);
            if (cut >= 0) {
                try {
                    return decodeStrictly(start, cut - start) + '\uFFFD';
                } catch (CharacterCodingException alsoBad) {
                    // fall through: invalid before the cut too
                }
            }
            throw new ZreProtocolException(Reason.INVALID_UTF8, describe(field, lengthAt) + " holds " + length
                    + " bytes that are not valid UTF-8");
        }
    }

    private String decodeStrictly(int start, int length) throws CharacterCodingException {
        // A fresh decoder per call: decoders are stateful, and non-ASCII text is off the hot path.
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(frame, start, length))
                .toString();
    }

    /**
     * Where the last character starts, if the bytes end inside it (its lead byte announces more continuation
     * bytes than follow); -1 otherwise.
     */
    private int incompleteTail(int start, int end) {
        int lead = end - 1;
        while (lead >= start && lead > end - 4 && (frame[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < start) {
            return -1;
        }
        int b = frame[lead] & 0xFF;
        int needed = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
        return needed > end - lead ? lead : -1;
    }

    private void require(int bytes, String field) {
        if (remaining() < bytes) {
            throw new ZreProtocolException(Reason.TRUNCATED, describe(field, position) + " needs " + bytes
                    + (bytes == 1 ? " byte" : " bytes") + ", but only " + remaining() + " remain");
        }
    }

    /** "field 'group' at offset 6 of the 9-byte SHOUT header frame". */
    private String describe(String field, int offset) {
        return "field '" + field + "' at offset " + offset + " of the " + frame.length + "-byte "
                + (type == null ? "" : type.wireName() + " ") + what;
    }
}
