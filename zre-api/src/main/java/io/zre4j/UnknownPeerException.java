package io.zre4j;

/**
 * A command named a peer this node does not know (it never entered, or it has exited).
 */
public class UnknownPeerException extends ZreException {

    private static final long serialVersionUID = 1L;

    private final transient PeerId peer;

    /**
     * Creates an exception for a peer.
     *
     * @param peer the unknown peer
     */
    public UnknownPeerException(PeerId peer) {
        super("unknown peer " + peer + ": it has not entered or has already exited (see peers())");
        this.peer = peer;
    }

    /**
     * The peer that is not known.
     *
     * @return the peer's identity
     */
    public PeerId peer() {
        return peer;
    }
}
