package io.zre4j.core.engine;

import io.zre4j.PeerId;

/**
 * When each peer's latest beacon arrived. A driver may keep routine beacons (a known peer, at its known
 * endpoint) away from the engine, which then only needs their time for its liveness checks: a node of a
 * 1000-node network hears a million beacons a second.
 */
@FunctionalInterface
public interface BeaconLog {

    /**
     * The arrival time of the peer's latest beacon, on the engine's clock.
     *
     * @param peer the peer
     * @return the time, or {@link Long#MIN_VALUE} when unknown
     */
    long lastBeaconNs(PeerId peer);
}
