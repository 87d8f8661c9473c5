package io.zre4j.discovery.gossip;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.core.discovery.DiscoveryThreads;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery over czmq's gossip protocol (ZGOSSIP v1), for networks where UDP broadcast does not reach: VPNs,
 * clouds, containers, routed networks. It speaks with Zyre nodes set up with {@code zyre_gossip_bind} and
 * {@code zyre_gossip_connect}, and with other zre4j nodes.
 *
 * <p>One or more nodes bind a well-known gossip endpoint; the others connect to it. Each node publishes the
 * tuple (its uuid, its inbox endpoint), and passes every tuple it learns on to the nodes connected to it and
 * to the endpoints it connects to, so every node learns every other and connects to it as with beacons:
 *
 * <pre>{@code
 * ZreNode hub = Zre.builder().name("hub").discovery(GossipDiscovery.bind("tcp://10.8.0.1:5670")).build();
 * ZreNode node = Zre.builder().name("n1").discovery(GossipDiscovery.connect("tcp://10.8.0.1:5670")).build();
 * }</pre>
 *
 * <p>What zre4j adds to czmq's behaviour, where it can without changing the wire: a node that connects keeps
 * its session with the hub alive with PINGs (czmq forgets a silent client after a second, and then stops
 * forwarding it new tuples); it publishes its tuples again after every reconnection; known peers are listed
 * to the node again every five beacon intervals, so that a peer that expired during a network outage is
 * found again when the network heals. Being listed is no sign of life: peers found by gossip go EVASIVE and
 * EXIT like any other. Like Zyre, a departing node says GOODBYE to each peer itself (gossip cannot tell), and
 * tuples are never withdrawn from the network.
 *
 * <p>Limits against hostile input: at most {@value GossipLoop#MAX_TUPLES} tuples and
 * {@value GossipLoop#MAX_SESSIONS} connected clients (the least recently heard is forgotten), frames of at
 * most {@value GossipLoop#MAX_FRAME_BYTES} bytes; malformed messages are dropped and counted as malformed
 * discovery input. Tuples whose value carries a CURVE key ({@code endpoint|key}) are ignored and counted:
 * CURVE is not supported.
 *
 * <p>One daemon thread per node, {@code zre-gossip-<name>}, owns the sockets (its own JeroMQ context). The
 * lifecycle methods may be called from any thread.
 */
public final class GossipDiscovery implements Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(GossipDiscovery.class);
    /** The gossip thread's name is this prefix and the node's name. */
    static final String THREAD_NAME_PREFIX = "zre-gossip-";
    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final List<String> binds;
    private final List<String> connects;
    private final ZreConfig config;

    // Guarded by this.
    private boolean started;
    private boolean closed;
    private GossipLoop loop;
    private Thread thread;

    GossipDiscovery(List<String> binds, List<String> connects, ZreConfig config) {
        this.binds = List.copyOf(binds);
        this.connects = List.copyOf(connects);
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * A provider of discoveries that bind these gossip endpoints (add {@link GossipDiscoveryProvider#connect}
     * to also connect somewhere).
     *
     * @param endpoints {@code tcp://address:port}; {@code tcp://*:port} binds every interface
     * @return the provider, to hand to {@code Zre.builder().discovery(...)}
     * @throws IllegalArgumentException if no endpoint is given, or one is not {@code tcp://host:port}
     */
    public static GossipDiscoveryProvider bind(String... endpoints) {
        return new GossipDiscoveryProvider(List.of(), List.of()).bind(endpoints);
    }

    /**
     * A provider of discoveries that connect to these gossip endpoints.
     *
     * @param endpoints {@code tcp://host:port}
     * @return the provider, to hand to {@code Zre.builder().discovery(...)}
     * @throws IllegalArgumentException if no endpoint is given, or one is not {@code tcp://host:port}
     */
    public static GossipDiscoveryProvider connect(String... endpoints) {
        return new GossipDiscoveryProvider(List.of(), List.of()).connect(endpoints);
    }

    /**
     * Binds and connects the gossip endpoints, publishes this node's tuple, and starts the gossip thread.
     *
     * @throws io.zre4j.ZreNetworkException if a bind endpoint cannot be bound (in use, no such address)
     * @throws IllegalStateException        if already started, or closed
     */
    @Override
    public synchronized void start(PeerId self, String endpoint, DiscoveryListener listener) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(listener, "listener");
        if (closed || started) {
            throw new IllegalStateException("a GossipDiscovery starts once; this one is " + (closed ? "closed" : "started"));
        }
        String name = config.effectiveName(self);
        long relistIntervalNs = config.beaconInterval().toNanos() * 5;
        loop = new GossipLoop(name, self, endpoint, listener, binds, connects, relistIntervalNs);
        thread = new Thread(loop, THREAD_NAME_PREFIX + name);
        thread.setDaemon(true);
        thread.start();
        started = true;
        LOG.info("{} ({} at {}) gossips: binds {}, connects to {}", name, self, endpoint, binds, connects);
    }

    /** Gossip cannot tell peers that this node leaves; the node says GOODBYE to each peer instead. */
    @Override
    public boolean announcesDeparture() {
        return false;
    }

    /**
     * Stops reporting peers to the node. The gossip thread keeps serving the nodes connected to this one
     * until {@link #close()}. Idempotent.
     */
    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stopListing();
        }
    }

    /** Closes the sockets and ends the thread, waiting a bounded time for it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            return;
        }
        loop.shutDown();
        if (!DiscoveryThreads.awaitEnd(thread, CLOSE_TIMEOUT_MS)) {
            LOG.warn("The gossip thread {} did not end within {} ms", thread.getName(), CLOSE_TIMEOUT_MS);
        }
    }

    @Override
    public String toString() {
        return GossipDiscoveryProvider.NAME + "{bind=" + binds + ", connect=" + connects + "}";
    }
}
