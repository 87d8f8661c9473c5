package io.zre4j.core.engine;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.util.List;

/**
 * Where the engine's effects go. Called synchronously, on the engine's thread, in the order the effects
 * happen; implementations must not call back into the engine.
 */
public interface EngineOutput {

    /**
     * Open our link to a peer's inbox (replacing any previous link to that peer).
     *
     * @param peer     the peer
     * @param endpoint its inbox endpoint
     */
    void connect(PeerId peer, String endpoint);

    /**
     * Send one message on the link to a peer, without blocking.
     *
     * @param peer   the peer
     * @param frames the encoded frames; must not be modified
     * @return false if the message was refused and nothing was sent
     */
    boolean send(PeerId peer, List<byte[]> frames);

    /**
     * Close the link to a peer.
     *
     * @param peer the peer
     */
    void disconnect(PeerId peer);

    /**
     * Discovery announced a peer that the engine refused (for now); the next announcement of it must reach
     * the engine again.
     *
     * @param peer the peer
     */
    default void refused(PeerId peer) {
    }

    /**
     * A peer entered; its pulse (when it was last heard, whether it answers) stays current while it is
     * known, and may be read from any thread.
     *
     * @param peer  the peer
     * @param pulse its pulse
     */
    default void entered(PeerId peer, PeerPulse pulse) {
    }

    /**
     * An entered peer is gone; its pulse is no longer updated.
     *
     * @param peer  the peer
     * @param pulse the pulse given to {@link #entered}
     */
    default void forgotten(PeerId peer, PeerPulse pulse) {
    }

    /**
     * Tell discovery that this node leaves (Zyre: a beacon with port 0). Called once, when a polite stop
     * has made sure that peers got what was sent to them, and before the links close.
     */
    default void departing() {
    }

    /**
     * Deliver an event to the application.
     *
     * @param event the event
     */
    void event(ZreEvent event);
}
