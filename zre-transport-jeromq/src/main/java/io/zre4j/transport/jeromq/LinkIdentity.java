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

    /** Length of the routing ids JeroMQ's ROUTER makes up: a zero byte and a 32-bit counter. */
    static final int GENERATED_LENGTH = 5;

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
     * Whether a routing identity is one JeroMQ's ROUTER made up rather than one a peer announced: 5 bytes,
     * a zero byte and a counter (JeroMQ 0.6.0, {@code Router.identifyPeer}). The ROUTER makes one up in two
     * cases: for a connection that announced no identity, and, with ROUTER_HANDOVER, to rename a connection
     * whose identity a newer connection has just taken over. If the old connection had already broken (the
     * peer restarted, or its link reconnected), the messages still queued on it then arrive under the made-up
     * id; if it was still open, JeroMQ drops them. (ZeroMQ reserves ids that start with a zero byte, but a hand-made client
     * can still announce one: {@link #wasReplaced} tells that case apart.)
     *
     * @param identity the first frame of a message read from the ROUTER
     * @return true for a made-up id
     */
    static boolean isGenerated(byte[] identity) {
        return identity.length == GENERATED_LENGTH && identity[0] == 0;
    }

    /**
     * Whether a message came in on a connection that a newer one from the same peer has replaced: its routing
     * id was made up ({@link #isGenerated}) although the connection announced an identity, which the ROUTER
     * uses as the routing id unless it renamed the connection to hand its identity over.
     *
     * @param routingId         the first frame of a message read from the ROUTER
     * @param announcedIdentity the identity the connection announced in its ZMTP handshake, as JeroMQ keeps it
     *                          in a frame's metadata (decoded as text); null or empty if it announced none
     * @return true if the connection was replaced
     */
    static boolean wasReplaced(byte[] routingId, String announcedIdentity) {
        return isGenerated(routingId) && announcedIdentity != null && !announcedIdentity.isEmpty()
                && !announcedIdentity.equals(new String(routingId, zmq.ZMQ.CHARSET));
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
