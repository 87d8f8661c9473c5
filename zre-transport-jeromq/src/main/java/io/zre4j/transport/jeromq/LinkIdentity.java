package io.zre4j.transport.jeromq;

import io.zre4j.PeerId;

/**
 * The routing identity a node puts on its DEALERs: {@code 0x01} followed by its 16-byte uuid, 17 bytes.
 * The prefix exists because ZeroMQ reserves routing ids that start with a zero byte, and a uuid may.
 * The receiving ROUTER hands this identity back as the first frame of every message, which is how a
 * node learns who sent it.
 */
final class LinkIdentity {

    /** Length of a ZRE routing identity in bytes. */
    static final int LENGTH = 1 + PeerId.LENGTH;

    /** The first byte of every ZRE routing identity. */
    static final byte PREFIX = 0x01;

    private static final int MAX_DESCRIBED_BYTES = 24;

    private LinkIdentity() {
    }

    /**
     * The identity a node marks its links with.
     *
     * @param self the node
     * @return a fresh 17-byte array
     */
    static byte[] of(PeerId self) {
        byte[] identity = new byte[LENGTH];
        identity[0] = PREFIX;
        self.writeTo(identity, 1);
        return identity;
    }

    /**
     * Whether a routing identity received by the inbox is a ZRE one.
     *
     * @param identity the first frame of a message read from the ROUTER
     * @return true if it is 17 bytes starting with {@code 0x01}
     */
    static boolean isValid(byte[] identity) {
        return identity.length == LENGTH && identity[0] == PREFIX;
    }

    /**
     * The sender named by a valid identity.
     *
     * @param identity an identity for which {@link #isValid} is true
     * @return the sender's uuid
     */
    static PeerId peer(byte[] identity) {
        return PeerId.of(identity, 1);
    }

    /**
     * A short hex rendering for logs, so that a bad identity can be recognised without flooding the log.
     *
     * @param identity any bytes
     * @return e.g. {@code 5 bytes 00 6B 8B 45 67}
     */
    static String describe(byte[] identity) {
        StringBuilder text = new StringBuilder().append(identity.length).append(" bytes");
        int shown = Math.min(identity.length, MAX_DESCRIBED_BYTES);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? " " : ":").append(String.format("%02X", identity[i] & 0xff));
        }
        return shown < identity.length ? text.append("...").toString() : text.toString();
    }
}
