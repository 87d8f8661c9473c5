package io.zre4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node sees one of its peers right now: how long ago it last heard of the peer (a beacon or any
 * message), and whether the peer is answering. Unlike the EVASIVE and SILENT events, which say when a peer
 * went quiet, this also tells when it came back.
 *
 * @param sinceLastSeen how long ago the last beacon or message from the peer arrived
 * @param state         whether the peer is answering
 */
public record PeerLiveness(Duration sinceLastSeen, State state) {

    /** Whether a peer is answering. */
    public enum State {
        /** Heard from recently, or answering its PINGs. */
        ALIVE,
        /** Quiet for the evasive timeout and pinged (an EVASIVE event was delivered). */
        EVASIVE,
        /** It did not answer the PING in time (a SILENT event was delivered). */
        SILENT
    }

    /** Checks the fields. */
    public PeerLiveness {
        Objects.requireNonNull(sinceLastSeen, "sinceLastSeen");
        Objects.requireNonNull(state, "state");
        if (sinceLastSeen.isNegative()) {
            throw new IllegalArgumentException("sinceLastSeen must not be negative, got " + sinceLastSeen);
        }
    }
}
