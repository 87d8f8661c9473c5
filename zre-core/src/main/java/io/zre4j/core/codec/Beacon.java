package io.zre4j.core.codec;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import java.util.Objects;

/**
 * The 22-byte ZRE discovery beacon: {@code 'Z' 'R' 'E' 0x01}, the sender's 16-byte uuid, and the
 * big-endian TCP port of its inbox. Port 0 means "I am leaving".
 *
 * @param peer the sender
 * @param port the sender's inbox port, 0 when it leaves
 */
public record Beacon(PeerId peer, int port) {

    /** Size of a version-1 beacon on the wire. */
    public static final int SIZE = 22;
    /** The beacon version zre4j speaks (Zyre uses 3, with a CURVE key, only when CURVE is on). */
    public static final int VERSION = 1;

    /** Checks the fields. */
    public Beacon {
        Objects.requireNonNull(peer, "peer");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }

    /**
     * Whether this beacon announces that its sender is leaving.
     *
     * @return true for port 0
     */
    public boolean isLeaving() {
        return port == 0;
    }

    /**
     * The 22 wire bytes.
     *
     * @return a new array
     */
    public byte[] encode() {
        byte[] bytes = new byte[SIZE];
        bytes[0] = 'Z';
        bytes[1] = 'R';
        bytes[2] = 'E';
        bytes[3] = VERSION;
        peer.writeTo(bytes, 4);
        bytes[20] = (byte) (port >>> 8);
        bytes[21] = (byte) port;
        return bytes;
    }

    /**
     * Decodes a datagram.
     *
     * @param data   the datagram's buffer
     * @param offset where the datagram starts
     * @param length the datagram's length
     * @return the beacon
     * @throws ZreProtocolException if the datagram is not a ZRE beacon ({@link Reason#BAD_SIGNATURE},
     *                              {@link Reason#INVALID_FIELD} for a wrong size), or another version
     *                              ({@link Reason#UNSUPPORTED_VERSION})
     */
    public static Beacon decode(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < 4 || data[offset] != 'Z' || data[offset + 1] != 'R' || data[offset + 2] != 'E') {
            throw new ZreProtocolException(Reason.BAD_SIGNATURE, "datagram of " + length
                    + " bytes does not start with \"ZRE\"");
        }
        int version = data[offset + 3] & 0xFF;
        if (version != VERSION) {
            throw new ZreProtocolException(Reason.UNSUPPORTED_VERSION, "beacon version " + version
                    + " (" + length + " bytes); zre4j speaks version 1");
        }
        if (length != SIZE) {
            throw new ZreProtocolException(Reason.INVALID_FIELD, "a version-1 beacon has 22 bytes, got " + length);
        }
        int port = (data[offset + 20] & 0xFF) << 8 | (data[offset + 21] & 0xFF);
        return new Beacon(PeerId.of(data, offset + 4), port);
    }
}
