package io.zre4j.core.codec;

import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import java.util.Objects;

/**
 * Encodes and decodes {@link GossipMessage}s as czmq's {@code zgossip_msg} puts them on the wire: one frame,
 * the signature 0xAA 0xA0, a message id (HELLO 1, PUBLISH 2, PING 3, PONG 4, INVALID 5), the version 1,
 * then for PUBLISH a {@code string} key, a {@code longstr} value and a 4-byte ttl.
 *
 * <p>Decoding either returns a message or throws {@link ZreProtocolException}; it allocates nothing sized by
 * a length field beyond the bytes present. Stateless and thread-safe.
 */
public final class GossipCodec {

    /** The protocol version zgossip speaks. */
    public static final int VERSION = 1;
    private static final int SIGNATURE_0 = 0xAA;
    private static final int SIGNATURE_1 = 0xA0;
    private static final int HELLO = 1;
    private static final int PUBLISH = 2;
    private static final int PING = 3;
    private static final int PONG = 4;
    private static final int INVALID = 5;

    private GossipCodec() {
    }

    /**
     * The wire bytes of a message.
     *
     * @param message the message
     * @return a new array
     * @throws IllegalArgumentException if a PUBLISH key is longer than 255 UTF-8 bytes
     */
    public static byte[] encode(GossipMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof GossipMessage.Publish publish) {
            long size = 4 + WireWriter.stringSize("gossip key", publish.key()) + WireWriter.longStringSize(publish.value()) + 4;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("gossip value too long: " + size + " bytes");
            }
            return header(new WireWriter((int) size), PUBLISH)
                    .string(publish.key())
                    .longString(publish.value())
                    .u32((int) publish.ttlMs())
                    .toBytes();
        }
        int id = message instanceof GossipMessage.Hello ? HELLO
                : message instanceof GossipMessage.Ping ? PING
                : message instanceof GossipMessage.Pong ? PONG
                : INVALID;
        return header(new WireWriter(4), id).toBytes();
    }

    /**
     * Decodes one frame.
     *
     * @param frame the frame
     * @return the message
     * @throws ZreProtocolException if the frame is not a ZGOSSIP version-1 message: a wrong signature, an
     *                              unknown id, another version, a truncated or overlong field, invalid UTF-8
     */
    public static GossipMessage decode(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        WireReader reader = new WireReader(frame, "ZGOSSIP frame");
        if (frame.length < 2 || (frame[0] & 0xFF) != SIGNATURE_0 || (frame[1] & 0xFF) != SIGNATURE_1) {
            throw new ZreProtocolException(Reason.BAD_SIGNATURE, "a " + frame.length
                    + "-byte frame that does not start with the ZGOSSIP signature 0xAA 0xA0");
        }
        reader.u16("signature");
        int id = reader.u8("id");
        if (id < HELLO || id > INVALID) {
            throw new ZreProtocolException(Reason.UNKNOWN_MESSAGE_ID, "ZGOSSIP message id " + id
                    + " (known: 1 HELLO, 2 PUBLISH, 3 PING, 4 PONG, 5 INVALID)");
        }
        int version = reader.u8("version");
        if (version != VERSION) {
            throw new ZreProtocolException(Reason.UNSUPPORTED_VERSION, "ZGOSSIP version " + version
                    + "; zre4j speaks version 1");
        }
        // Trailing bytes are ignored, as czmq does.
        return switch (id) {
            case HELLO -> new GossipMessage.Hello();
            case PUBLISH -> new GossipMessage.Publish(reader.string("key"), reader.longString("value"), reader.u32("ttl"));
            case PING -> new GossipMessage.Ping();
            case PONG -> new GossipMessage.Pong();
            default -> new GossipMessage.Invalid();
        };
    }

    private static WireWriter header(WireWriter writer, int id) {
        return writer.u8(SIGNATURE_0).u8(SIGNATURE_1).u8(id).u8(VERSION);
    }
}
