package io.zre4j.spi;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;

/**
 * Receives what a {@link Discovery} hears. Implementations of this interface (the node) are thread-safe
 * and return quickly: a discovery may call them from any of its threads.
 */
public interface DiscoveryListener {

    /**
     * A peer announced itself. Called again on every announcement (e.g. every beacon); our own
     * announcements must not be reported.
     *
     * @param peer     the peer's identity
     * @param endpoint the peer's inbox endpoint, e.g. {@code tcp://192.168.1.9:41012}
     */
    void peerAnnounced(PeerId peer, String endpoint);

    /**
     * A third party named a peer: a static list, a gossip network. The node connects to it if it does not
     * know it yet (or knows it at another port), but, unlike {@link #peerAnnounced}, takes this as no sign
     * that the peer is alive, so a dead peer that is still listed goes EVASIVE and EXITs as usual. May be
     * called again for the same peer (e.g. every interval, to find it again after it expired).
     *
     * <p>The default reports the peer as {@link #peerAnnounced announced}.
     *
     * @param peer     the peer's identity
     * @param endpoint the peer's inbox endpoint
     */
    default void peerListed(PeerId peer, String endpoint) {
        peerAnnounced(peer, endpoint);
    }

    /**
     * A peer said it is leaving (Zyre: a beacon with port 0).
     *
     * @param peer the peer's identity
     */
    void peerLeaving(PeerId peer);

    /**
     * Something arrived that was not a valid announcement; it was dropped.
     *
     * @param reason why
     * @param detail what exactly was wrong, for the log
     */
    void malformed(ZreProtocolException.Reason reason, String detail);

    /**
     * An announcement with a protocol version this node does not speak (e.g. Zyre's CURVE beacon) was ignored.
     *
     * @param detail what was ignored
     */
    void ignored(String detail);

    /** This node's discovery sent one announcement (for the statistics). */
    void announcementSent();
}
