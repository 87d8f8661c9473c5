package io.zre4j.core.discovery;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryProvider;
import java.util.Map;

/**
 * Makes {@link StaticDiscovery}s of one fixed peer list; {@link StaticDiscovery#provider(Map)} is the
 * short way to get one. It is not registered for {@link java.util.ServiceLoader}: an application that
 * wants it names it, so it never competes with UDP beacons. Immutable and thread-safe.
 */
public final class StaticDiscoveryProvider implements DiscoveryProvider {

    /** The name in logs and error messages. */
    public static final String NAME = "static";

    private final Map<PeerId, String> peers;

    /**
     * A provider for a peer list.
     *
     * @param peers the peers' uuids and inbox endpoints ({@code tcp://host:port}); copied
     * @throws IllegalArgumentException if an endpoint is not {@code tcp://host:port}
     */
    public StaticDiscoveryProvider(Map<PeerId, String> peers) {
        this.peers = StaticDiscovery.checkedCopy(peers);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Discovery create(ZreConfig config) {
        return new StaticDiscovery(peers, config);
    }

    /**
     * The peers this provider's discoveries announce.
     *
     * @return the peers, unmodifiable
     */
    public Map<PeerId, String> peers() {
        return peers;
    }

    @Override
    public String toString() {
        return NAME + peers;
    }
}
