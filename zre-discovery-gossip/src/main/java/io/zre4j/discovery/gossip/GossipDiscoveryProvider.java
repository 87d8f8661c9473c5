package io.zre4j.discovery.gossip;

import io.zre4j.ZreConfig;
import io.zre4j.core.discovery.TcpEndpoints;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@link GossipDiscovery}s that bind and connect the same gossip endpoints. Start from
 * {@link GossipDiscovery#bind} or {@link GossipDiscovery#connect}; each method returns a new provider. It is
 * not registered for {@link java.util.ServiceLoader}, so it never competes with UDP beacons: name it with
 * {@code Zre.builder().discovery(...)}. Immutable and thread-safe.
 */
public final class GossipDiscoveryProvider implements DiscoveryProvider {

    /** The name in logs and error messages. */
    public static final String NAME = "gossip";

    private final List<String> binds;
    private final List<String> connects;

    GossipDiscoveryProvider(List<String> binds, List<String> connects) {
        this.binds = List.copyOf(binds);
        this.connects = List.copyOf(connects);
    }

    /**
     * This provider, also binding these endpoints: nodes that connect there learn every node this one knows.
     *
     * @param endpoints {@code tcp://address:port}; {@code tcp://*:port} binds every interface
     * @return a new provider
     * @throws IllegalArgumentException if no endpoint is given, or one is not {@code tcp://host:port}
     */
    public GossipDiscoveryProvider bind(String... endpoints) {
        return new GossipDiscoveryProvider(plus(binds, endpoints, "a gossip bind endpoint"), connects);
    }

    /**
     * This provider, also connecting to these endpoints (other nodes' gossip binds, Zyre's included).
     *
     * @param endpoints {@code tcp://host:port}
     * @return a new provider
     * @throws IllegalArgumentException if no endpoint is given, or one is not {@code tcp://host:port}
     */
    public GossipDiscoveryProvider connect(String... endpoints) {
        return new GossipDiscoveryProvider(binds, plus(connects, endpoints, "a gossip connect endpoint"));
    }

    /**
     * The endpoints the discoveries bind.
     *
     * @return unmodifiable, in the order given
     */
    public List<String> binds() {
        return binds;
    }

    /**
     * The endpoints the discoveries connect to.
     *
     * @return unmodifiable, in the order given
     */
    public List<String> connects() {
        return connects;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A discovery for one node.
     *
     * @throws IllegalStateException if this provider neither binds nor connects anything
     */
    @Override
    public Discovery create(ZreConfig config) {
        if (binds.isEmpty() && connects.isEmpty()) {
            throw new IllegalStateException("gossip discovery needs at least one endpoint to bind or connect to");
        }
        return new GossipDiscovery(binds, connects, config);
    }

    @Override
    public String toString() {
        return NAME + "{bind=" + binds + ", connect=" + connects + "}";
    }

    private static List<String> plus(List<String> list, String[] endpoints, String what) {
        if (Objects.requireNonNull(endpoints, "endpoints").length == 0) {
            throw new IllegalArgumentException("give at least one gossip endpoint");
        }
        List<String> all = new ArrayList<>(list);
        for (String endpoint : endpoints) {
            all.add(TcpEndpoints.check(endpoint, what));
        }
        return all;
    }
}
