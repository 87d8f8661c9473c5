package io.zre4j.core.engine;

import io.zre4j.PeerLiveness;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of a peer's liveness that other threads may read: when its last message arrived and whether it
 * is answering. The engine writes it (cheaply: a release store per message), any thread reads it.
 */
public final class PeerPulse {

    private final AtomicLong lastHeardNs;
    private volatile PeerLiveness.State state = PeerLiveness.State.ALIVE;

    PeerPulse(long nowNs) {
        lastHeardNs = new AtomicLong(nowNs);
    }

    void heard(long nowNs) {
        lastHeardNs.lazySet(nowNs); // a release store: no fence on the receive path
    }

    void state(PeerLiveness.State newState) {
        if (state != newState) {
            state = newState;
        }
    }

    /**
     * When the peer's last message arrived, on the engine's clock.
     *
     * @return the time
     */
    public long lastHeardNs() {
        return lastHeardNs.get();
    }

    /**
     * Whether the peer is answering.
     *
     * @return the state
     */
    public PeerLiveness.State state() {
        return state;
    }
}
