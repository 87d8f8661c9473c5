package io.zre4j.spi;

import io.zre4j.PeerId;

/**
 * Finds peers and tells them about us: announces our (uuid, endpoint) and reports the peers it hears
 * and the peers that say they are leaving. Production implementation: {@code zre-discovery-udp}
 * (Zyre's UDP beacons); others: a static endpoint list, gossip, the simulator's.
 *
 * <p>Lifecycle: {@link #start} once, then {@link #stop()} (polite) and/or {@link #close()}.
 *
 * <p>Threading: the node calls these methods from its own thread. Implementations may call the
 * {@link DiscoveryListener} from any thread of their own.
 */
public interface Discovery extends AutoCloseable {

    /**
     * Starts announcing this node and listening for others.
     *
     * @param self     this node's identity
     * @param endpoint this node's inbox endpoint, as {@link Transport#open} returned it
     * @param listener where heard peers are reported; thread-safe
     * @throws io.zre4j.ZreNetworkException if discovery cannot start (e.g. the interface does not exist)
     */
    void start(PeerId self, String endpoint, DiscoveryListener listener);

    /**
     * Tells peers this node is leaving (Zyre: a beacon with port 0) and stops announcing. Listening may
     * continue until {@link #close()}.
     */
    void stop();

    /**
     * Whether {@link #stop()} tells peers that this node leaves (as UDP beacons do with port 0). When it
     * does not, the node sends a GOODBYE message to every peer itself, as Zyre does in gossip mode.
     *
     * @return true if peers learn of our departure through this discovery
     */
    default boolean announcesDeparture() {
        return true;
    }

    /** Releases sockets and threads. Idempotent. */
    @Override
    void close();
}
