package io.zre4j.core.discovery;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import io.zre4j.spi.DiscoveryProvider;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery from a fixed list of peers, for networks where beacons do not carry: VPNs, clouds,
 * containers. The application lists each peer's uuid and inbox endpoint; every node gives itself a fixed
 * uuid ({@link ZreConfig.AbstractBuilder#uuid}) and a fixed inbox endpoint
 * ({@link ZreConfig.AbstractBuilder#endpoint}) so that the others can list it.
 *
 * <pre>{@code
 * ZreNode alice = Zre.builder().name("alice").uuid(aliceId).endpoint("tcp://10.8.0.1:5555")
 *         .discovery(StaticDiscovery.provider(Map.of(bobId, "tcp://10.8.0.2:5555")))
 *         .build();
 * }</pre>
 *
 * <p>Every listed peer but the node itself is reported ({@link DiscoveryListener#peerListed}) at start and
 * then every {@link ZreConfig#beaconInterval()}, so that a peer that restarts is found again. Being listed is
 * no sign of life: a listed peer that dies goes EVASIVE and EXITs as usual. A list cannot tell peers that
 * this node leaves, so the node says GOODBYE to each. One daemon thread per node, {@code zre-static-<name>},
 * calls the listener.
 *
 * <p>Threading: the lifecycle methods may be called from any thread.
 */
public final class StaticDiscovery implements Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(StaticDiscovery.class);
    /** The announcing thread's name is this prefix and the node's name. */
    static final String THREAD_NAME_PREFIX = "zre-static-";
    private static final long STOP_TIMEOUT_MS = 1_000;
    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final Map<PeerId, String> peers;
    private final ZreConfig config;

    // Guarded by this.
    private boolean started;
    private boolean stopped;
    private boolean closed;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> announcing;
    /** The announcing thread, to recognise calls the listener makes from it. */
    private volatile Thread thread;
    /** Touched by the announcing thread only. */
    private boolean listenerFailureWarned;

    /**
     * A discovery for one node.
     *
     * @param peers  the peers' uuids and inbox endpoints ({@code tcp://host:port}); the node's own entry,
     *               if listed, is skipped, so every node can be given the same list
     * @param config the node's configuration: its name and the announcement interval
     * @throws IllegalArgumentException if an endpoint is not {@code tcp://host:port}
     */
    public StaticDiscovery(Map<PeerId, String> peers, ZreConfig config) {
        this.peers = checkedCopy(peers);
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * A provider making static discoveries of these peers, to hand to {@code Zre.builder().discovery(...)}.
     *
     * @param peers the peers' uuids and inbox endpoints
     * @return the provider, named {@code static}
     * @throws IllegalArgumentException if an endpoint is not {@code tcp://host:port}
     */
    public static DiscoveryProvider provider(Map<PeerId, String> peers) {
        return new StaticDiscoveryProvider(peers);
    }

    /**
     * Parses peers written as {@code <uuid>@<endpoint>}, e.g.
     * {@code 29501FBA21C14CE5A8EE1D33CC4AC354@tcp://10.8.0.2:5555} (32 hex digits, either case), as a
     * command-line option would give them.
     *
     * @param specs the peers, one per string
     * @return the peers, in the order given
     * @throws IllegalArgumentException if a string is malformed or a uuid is listed twice
     */
    public static Map<PeerId, String> parsePeers(Collection<String> specs) {
        Map<PeerId, String> peers = new LinkedHashMap<>();
        for (String spec : specs) {
            Objects.requireNonNull(spec, "peer");
            int at = spec.indexOf('@');
            if (at < 0) {
                throw new IllegalArgumentException("a static peer is <32-hex-uuid>@tcp://host:port, got \"" + spec + "\"");
            }
            PeerId id = PeerId.parse(spec.substring(0, at).trim());
            String endpoint = checkEndpoint(spec.substring(at + 1).trim());
            String previous = peers.putIfAbsent(id, endpoint);
            if (previous != null) {
                throw new IllegalArgumentException("peer " + id + " is listed twice: " + previous + " and " + endpoint);
            }
        }
        return Collections.unmodifiableMap(peers);
    }

    /**
     * Parses peers written as {@code <uuid>@<endpoint>}; see {@link #parsePeers(Collection)}.
     *
     * @param specs the peers, one per string
     * @return the peers, in the order given
     * @throws IllegalArgumentException if a string is malformed or a uuid is listed twice
     */
    public static Map<PeerId, String> parsePeers(String... specs) {
        return parsePeers(List.of(specs));
    }

    /**
     * Announces every listed peer now and then every beacon interval, from this discovery's own thread.
     *
     * @param self     this node's identity; its own entry in the list is skipped
     * @param endpoint this node's inbox endpoint (the others must list it; nothing is sent)
     * @param listener where the listed peers are reported
     * @throws IllegalStateException if already started, or closed
     */
    @Override
    public synchronized void start(PeerId self, String endpoint, DiscoveryListener listener) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(listener, "listener");
        if (closed || started) {
            throw new IllegalStateException("a StaticDiscovery starts once; this one is " + (closed ? "closed" : "started"));
        }
        Map<PeerId, String> others = new LinkedHashMap<>(peers);
        others.remove(self);
        String name = config.effectiveName(self);
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread created = new Thread(task, THREAD_NAME_PREFIX + name);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        long intervalNs = config.beaconInterval().toNanos();
        announcing = executor.scheduleAtFixedRate(() -> announce(others, listener), 0, intervalNs, TimeUnit.NANOSECONDS);
        started = true;
        LOG.info("{} ({} at {}) announces {} static peers every {} ms: {}", name, self, endpoint, others.size(),
                config.beaconInterval().toMillis(), others);
    }

    /**
     * Stops announcing; once this returns, the listener hears nothing more from this discovery. Idempotent.
     */
    /** A static list cannot tell peers we leave; the node says GOODBYE to each peer instead. */
    @Override
    public boolean announcesDeparture() {
        return false;
    }

    @Override
    public synchronized void stop() {
        if (!started || stopped || closed) {
            return;
        }
        stopped = true;
        announcing.cancel(false);
        awaitRoundInProgress();
    }

    /** Releases the thread, waiting a bounded time for it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            return;
        }
        executor.shutdownNow();
        // The executor terminates a moment before its thread does; wait for the thread itself.
        if (!DiscoveryThreads.awaitEnd(thread, CLOSE_TIMEOUT_MS)) {
            LOG.warn("The static discovery thread did not end within {} ms", CLOSE_TIMEOUT_MS);
        }
    }

    /**
     * A round may be running while the announcement task is cancelled: queue an empty task behind it and
     * wait for that, so that {@link #stop()} keeps its promise. Not when called from the round itself.
     */
    private void awaitRoundInProgress() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            executor.submit(() -> { }).get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("Could not wait for the last static announcement round", e);
        }
    }

    /** Runs on the announcing thread only. */
    private void announce(Map<PeerId, String> others, DiscoveryListener listener) {
        others.forEach((peer, endpoint) -> {
            try {
                listener.peerListed(peer, endpoint);
            } catch (RuntimeException e) {
                // A throwing task would be cancelled for good by the executor: log and go on instead,
                // warning once rather than every interval.
                if (listenerFailureWarned) {
                    LOG.debug("The discovery listener failed again on static peer {} at {}", peer, endpoint, e);
                } else {
                    listenerFailureWarned = true;
                    LOG.warn("The discovery listener failed on static peer {} at {} (further failures are logged "
                            + "at DEBUG)", peer, endpoint, e);
                }
            }
        });
    }

    static Map<PeerId, String> checkedCopy(Map<PeerId, String> peers) {
        Map<PeerId, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(peers, "peers").forEach((peer, endpoint) ->
                copy.put(Objects.requireNonNull(peer, "peer"), checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"))));
        return Collections.unmodifiableMap(copy);
    }

    private static String checkEndpoint(String endpoint) {
        return TcpEndpoints.check(endpoint, "a static peer's endpoint");
    }
}
