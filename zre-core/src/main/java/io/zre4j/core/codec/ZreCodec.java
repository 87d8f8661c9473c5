package io.zre4j.core.codec;

import io.zre4j.Frames;
import io.zre4j.MessageType;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ZRE v2 wire codec (rfc 36, as Zyre 2.x and Pyre put it on the wire), between {@link ZreMessage}
 * and ZeroMQ frames.
 *
 * <p>A message is a header frame followed, for WHISPER and SHOUT only, by the content frames. The
 * header frame is: signature {@code 0xAA 0xA1}, message id (1 byte), version (1 byte, always 2),
 * sequence (u16), then the message's fields. Field encodings, all big-endian:
 * <ul>
 *   <li>{@code number1}: one byte (HELLO/JOIN/LEAVE {@code status});</li>
 *   <li>{@code string}: u8 length, then UTF-8 bytes (at most 255);</li>
 *   <li>{@code longstr}: u32 length, then UTF-8 bytes;</li>
 *   <li>{@code strings}: u32 count, then one {@code longstr} each (HELLO {@code groups});</li>
 *   <li>{@code hash}: u32 count, then ({@code string} key, {@code longstr} value) pairs, in order
 *       (HELLO {@code headers}).</li>
 * </ul>
 *
 * <p><b>Decoding is strict about what it reads and tolerant about what it does not</b>, like Zyre's
 * generated zproto codec: every announced length and count is checked against the bytes present,
 * text must be valid UTF-8, and the version must be 2; but bytes after the last field of the header
 * frame are ignored (so that a later protocol revision may append fields), extra frames after the
 * header of a message that has no content are ignored, and a repeated header key keeps its first
 * value (as Zyre's {@code zhash_insert} does). Any malformed input gives a
 * {@link ZreProtocolException}, never another exception, and no collection is sized from a count
 * larger than the bytes that follow could hold.
 *
 * <p><b>No copy of content:</b> {@link #encode} puts the caller's content arrays in the frame list and
 * {@link #decode} wraps the received content arrays; only the header frame is built or parsed.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class ZreCodec {

    /** The ZRE protocol version in every header frame. */
    public static final int VERSION = 2;

    private static final int SIGNATURE_1 = 0xAA;
    private static final int SIGNATURE_2 = 0xA1;
    /** Signature (2), id, version and sequence (2): the bytes every header frame starts with. */
    private static final int PRELUDE_BYTES = 6;
    private static final int SEQUENCE_OFFSET = 4;
    /** The largest array a JVM reliably allocates. */
    private static final long MAX_FRAME_BYTES = Integer.MAX_VALUE - 8;
    /** Collections decoded from a count start at most this big, and grow as real items arrive. */
    private static final int MAX_INITIAL_CAPACITY = 64;

    private ZreCodec() {
    }

    // ---------------------------------------------------------------------------------------- encode

    /**
     * Encodes a message into the frames to send: the header frame, then for WHISPER and SHOUT the
     * content frames, which are the content's own arrays, not copies.
     *
     * @param message the message
     * @return an unmodifiable list of at least one frame
     * @throws IllegalArgumentException if a {@code string} field is longer than 255 UTF-8 bytes
     */
    public static List<byte[]> encode(ZreMessage message) {
        byte[] header = encodeHeader(message);
        Frames content = content(message);
        if (content == null || content.isEmpty()) {
            return List.of(header);
        }
        List<byte[]> contentFrames = content.asList();
        byte[][] frames = new byte[1 + contentFrames.size()][];
        frames[0] = header;
        for (int i = 0; i < contentFrames.size(); i++) {
            frames[i + 1] = contentFrames.get(i);
        }
        return List.of(frames);
    }

    /**
     * Encodes only the header frame of a message (for WHISPER and SHOUT, the content frames follow it on
     * the wire).
     *
     * @param message the message
     * @return a new array holding the header frame
     * @throws IllegalArgumentException if a {@code string} field is longer than 255 UTF-8 bytes
     */
    public static byte[] encodeHeader(ZreMessage message) {
        long size = PRELUDE_BYTES + fieldsSize(message);
        if (size > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(message.type().wireName() + " header frame would be " + size
                    + " bytes, more than a Java array holds");
        }
        WireWriter out = new WireWriter((int) size)
                .u8(SIGNATURE_1).u8(SIGNATURE_2)
                .u8(message.type().id())
                .u8(VERSION)
                .u16(message.sequence());
        writeFields(out, message);
        return out.toBytes();
    }

    /**
     * A copy of an encoded header frame with another sequence number. The engine encodes a SHOUT header
     * once and patches the sequence for each peer it fans out to.
     *
     * @param header   a header frame made by {@link #encodeHeader} or {@link #encode}; not modified
     * @param sequence the new sequence number, 0 to 65535
     * @return a new array
     * @throws IllegalArgumentException if {@code header} is not a ZRE v2 header frame or the sequence is out
     *                                  of range
     */
    public static byte[] withSequence(byte[] header, int sequence) {
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence must be 0 to 65535, got " + sequence);
        }
        if (header == null || header.length < PRELUDE_BYTES || (header[0] & 0xFF) != SIGNATURE_1
                || (header[1] & 0xFF) != SIGNATURE_2 || header[3] != VERSION) {
            throw new IllegalArgumentException("not an encoded ZRE v2 header frame");
        }
        byte[] copy = header.clone();
        copy[SEQUENCE_OFFSET] = (byte) (sequence >>> 8);
        copy[SEQUENCE_OFFSET + 1] = (byte) sequence;
        return copy;
    }

    private static long fieldsSize(ZreMessage message) {
        if (message instanceof Shout shout) {
            return WireWriter.stringSize("SHOUT group", shout.group());
        } else if (message instanceof Whisper || message instanceof Ping || message instanceof PingOk
                || message instanceof Goodbye) {
            return 0;
        } else if (message instanceof Join join) {
            return WireWriter.stringSize("JOIN group", join.group()) + 1;
        } else if (message instanceof Leave leave) {
            return WireWriter.stringSize("LEAVE group", leave.group()) + 1;
        } else if (message instanceof Hello hello) {
            return helloSize(hello);
        } else if (message instanceof Elect elect) {
            return WireWriter.stringSize("ELECT group", elect.group())
                    + WireWriter.stringSize("ELECT challenger id", elect.challengerId());
        } else if (message instanceof Leader leader) {
            return WireWriter.stringSize("LEADER group", leader.group())
                    + WireWriter.stringSize("LEADER leader id", leader.leaderId());
        }
        throw new AssertionError("unknown message " + message.type());
    }

    private static long helloSize(Hello hello) {
        long size = WireWriter.stringSize("HELLO endpoint", hello.endpoint()) + 4;
        for (String group : hello.groups()) {
            size += WireWriter.longStringSize(group);
        }
        size += 1 + WireWriter.stringSize("HELLO name", hello.name());
        return size + hashSize(hello.headers());
    }

    private static long hashSize(Map<String, String> hash) {
        long size = 4;
        for (Map.Entry<String, String> entry : hash.entrySet()) {
            size += WireWriter.stringSize("header key", entry.getKey()) + WireWriter.longStringSize(entry.getValue());
        }
        return size;
    }

    private static void writeFields(WireWriter out, ZreMessage message) {
        if (message instanceof Shout shout) {
            out.string(shout.group());
        } else if (message instanceof Join join) {
            out.string(join.group()).u8(join.status());
        } else if (message instanceof Leave leave) {
            out.string(leave.group()).u8(leave.status());
        } else if (message instanceof Hello hello) {
            out.string(hello.endpoint()).u32(hello.groups().size());
            for (String group : hello.groups()) {
                out.longString(group);
            }
            out.u8(hello.status()).string(hello.name());
            writeHash(out, hello.headers());
        } else if (message instanceof Elect elect) {
            out.string(elect.group()).string(elect.challengerId());
        } else if (message instanceof Leader leader) {
            out.string(leader.group()).string(leader.leaderId());
        }
        // WHISPER, PING, PING-OK and GOODBYE have no field after the sequence.
    }

    private static void writeHash(WireWriter out, Map<String, String> hash) {
        out.u32(hash.size());
        for (Map.Entry<String, String> entry : hash.entrySet()) {
            out.string(entry.getKey()).longString(entry.getValue());
        }
    }

    private static Frames content(ZreMessage message) {
        if (message instanceof Shout shout) {
            return shout.content();
        }
        return message instanceof Whisper whisper ? whisper.content() : null;
    }

    // ---------------------------------------------------------------------------------------- decode

    /**
     * Decodes the frames of one message. For WHISPER and SHOUT, the frames after the header become the
     * content without being copied: the caller hands them over and must not modify them afterwards.
     *
     * @param frames the header frame, then any content frames
     * @return the message
     * @throws ZreProtocolException if the frames are not a valid ZRE v2 message; its
     *                              {@link ZreProtocolException#reason() reason} says why and its message
     *                              names the field, offset and byte counts
     */
    public static ZreMessage decode(List<byte[]> frames) {
        if (frames == null || frames.isEmpty()) {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "no frame; a ZRE message has at least a header frame");
        }
        byte[] header = frames.get(0);
        if (header == null) {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "the header frame is null");
        }
        checkSignature(header);
        WireReader in = new WireReader(header, "header frame");
        in.u16("signature");
        int id = in.u8("message id");
        MessageType type = MessageType.byId(id);
        if (type == null) {
            throw new ZreProtocolException(Reason.UNKNOWN_MESSAGE_ID, "message id " + id
                    + " at offset 2 of the " + header.length + "-byte header frame is not a ZRE message (1 to 10)");
        }
        in.messageType(type);
        int version = in.u8("version");
        if (version != VERSION) {
            throw new ZreProtocolException(Reason.UNSUPPORTED_VERSION, type.wireName() + " of ZRE version " + version
                    + "; zre4j speaks version " + VERSION);
        }
        int sequence = in.u16("sequence");
        // Bytes after the last field are ignored on purpose (see the class comment).
        switch (type) {
            case HELLO:
                return readHello(in, sequence);
            case WHISPER:
                return new Whisper(sequence, content(frames));
            case SHOUT:
                String group = in.string("group");
                return new Shout(sequence, group, content(frames));
            case JOIN:
                return new Join(sequence, in.string("group"), in.u8("status"));
            case LEAVE:
                return new Leave(sequence, in.string("group"), in.u8("status"));
            case PING:
                return new Ping(sequence);
            case PING_OK:
                return new PingOk(sequence);
            case ELECT:
                return new Elect(sequence, in.string("group"), in.string("challenger id"));
            case LEADER:
                return new Leader(sequence, in.string("group"), in.string("leader id"));
            case GOODBYE:
                return new Goodbye(sequence);
            default:
                throw new AssertionError("unhandled message type " + type);
        }
    }

    /** Tells a foreign frame (BAD_SIGNATURE) from a cut-off ZRE one (TRUNCATED) even when under 2 bytes. */
    private static void checkSignature(byte[] header) {
        boolean firstWrong = header.length > 0 && (header[0] & 0xFF) != SIGNATURE_1;
        boolean secondWrong = header.length > 1 && (header[1] & 0xFF) != SIGNATURE_2;
        if (firstWrong || secondWrong) {
            throw new ZreProtocolException(Reason.BAD_SIGNATURE, String.format(
                    "the %d-byte header frame starts with %s, not the ZRE signature 0xAA 0xA1",
                    header.length, header.length > 1
                            ? String.format("0x%02X 0x%02X", header[0] & 0xFF, header[1] & 0xFF)
                            : String.format("0x%02X", header[0] & 0xFF)));
        }
    }

    private static Hello readHello(WireReader in, int sequence) {
        String endpoint = in.string("endpoint");
        int groupCount = in.count("groups", 4);
        List<String> groups = new ArrayList<>(Math.min(groupCount, MAX_INITIAL_CAPACITY));
        for (int i = 0; i < groupCount; i++) {
            groups.add(in.longString("groups"));
        }
        int status = in.u8("status");
        String name = in.string("name");
        Map<String, String> headers = readHash(in, "headers");
        return new Hello(sequence, endpoint, groups, status, name, headers);
    }

    private static Map<String, String> readHash(WireReader in, String field) {
        int count = in.count(field, 5);
        String keyField = field + " key";
        String valueField = field + " value";
        Map<String, String> hash = new LinkedHashMap<>(Math.min(count, MAX_INITIAL_CAPACITY) * 2);
        for (int i = 0; i < count; i++) {
            String key = in.string(keyField);
            String value = in.longString(valueField);
            hash.putIfAbsent(key, value); // Zyre's zhash_insert keeps the first of two equal keys.
        }
        return hash;
    }

    private static Frames content(List<byte[]> frames) {
        int count = frames.size();
        if (count == 1) {
            return Frames.empty();
        }
        List<byte[]> content = frames.subList(1, count);
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i) == null) {
                throw new ZreProtocolException(Reason.BAD_FRAMING, "content frame " + (i + 1) + " is null");
            }
        }
        return Frames.wrap(content);
    }

    // ------------------------------------------------------------------------------- standalone hash

    /**
     * Packs a hash the way czmq's {@code zhash_pack} does: u32 count, then each entry as a {@code string}
     * key and a {@code longstr} value, in the map's iteration order. Zyre's ENTER event carries the
     * peer's headers in this form.
     *
     * @param hash the entries; keys 1 to 255 UTF-8 bytes, no null key or value
     * @return a new array
     * @throws IllegalArgumentException if a key is longer than 255 UTF-8 bytes
     */
    public static byte[] packHash(Map<String, String> hash) {
        long size = hashSize(hash);
        if (size > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("packed hash would be " + size + " bytes, more than a Java array holds");
        }
        WireWriter out = new WireWriter((int) size);
        writeHash(out, hash);
        return out.toBytes();
    }

    /**
     * Unpacks a hash made by {@link #packHash} or czmq's {@code zhash_pack}. As in {@link #decode}, bytes
     * after the last entry are ignored and a repeated key keeps its first value.
     *
     * @param packed the packed bytes
     * @return an unmodifiable map in wire order
     * @throws ZreProtocolException if the bytes are not a packed hash
     */
    public static Map<String, String> unpackHash(byte[] packed) {
        if (packed == null) {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "the packed hash frame is null");
        }
        return Collections.unmodifiableMap(readHash(new WireReader(packed, "packed hash"), "hash"));
    }
}
