package io.zre4j.sim;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.core.DefaultZreNode;
import io.zre4j.core.NodeComponents;
import io.zre4j.spi.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A deterministic simulated network: real ZRE engines (each inside a real node runtime) over in-memory
 * links and beacons, all on the calling thread, in virtual time. A 30-second expiry costs no wall time;
 * the same seed gives a byte-identical {@link #trace() trace}.
 *
 * <pre>{@code
 * SimNetwork net = new SimNetwork(42);
 * List<SimNode> nodes = net.addNodes(100);
 * net.awaitConvergence(Duration.ofSeconds(10));
 * nodes.get(0).node().shouts("A", "hello");
 * net.runFor(Duration.ofSeconds(1));
 * }</pre>
 *
 * Faults: {@link #partition}, {@link #heal}, {@link #crash}, {@link #restart}, {@link #slowConsumer}, and the
 * latency, jitter, beacon loss and duplication of {@link SimOptions}. Not thread-safe: one thread drives it.
 */
public final class SimNetwork {

    private static final long START_NS = 1_000_000_000L;
    private static final long CHECK_EVERY_NS = Duration.ofMillis(50).toNanos();

    private final long seed;
    private final SimOptions options;
    private final Scheduler scheduler = new Scheduler();
    private final SplittableRandom delays;
    private final SplittableRandom beacons;
    private final SplittableRandom identities;
    private final SplittableRandom phases;
    private final Trace trace;
    private final List<SimNode> nodes = new ArrayList<>();
    private final Map<String, SimHost> hostsByEndpoint = new HashMap<>();
    /** Hosts that listen for beacons, in registration order (deterministic iteration). */
    private final Map<SimHost, Boolean> listening = new LinkedHashMap<>();
    private int nextPort = 40_000;

    /**
     * A simulation of a quiet LAN.
     *
     * @param seed drives every random choice
     */
    public SimNetwork(long seed) {
        this(seed, SimOptions.lan(), false);
    }

    /**
     * A simulation.
     *
     * @param seed      drives every random choice
     * @param options   latency, jitter and beacon faults
     * @param fullTrace keep every trace line in memory (for printing), not only the tail
     */
    public SimNetwork(long seed, SimOptions options, boolean fullTrace) {
        this.seed = seed;
        this.options = Objects.requireNonNull(options, "options");
        SplittableRandom master = new SplittableRandom(seed);
        // One stream per subsystem, so that a change in one (e.g. more beacons) does not shift the others.
        this.delays = master.split();
        this.beacons = master.split();
        this.identities = master.split();
        this.phases = master.split();
        this.trace = new Trace(fullTrace);
        scheduler.runUntil(START_NS);
    }

    /**
     * The seed of this run.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Virtual time elapsed since the simulation began.
     *
     * @return the elapsed virtual time
     */
    public Duration elapsed() {
        return Duration.ofNanos(scheduler.nowNs() - START_NS);
    }

    /**
     * The trace of every event delivered so far.
     *
     * @return the trace
     */
    public Trace trace() {
        return trace;
    }

    /**
     * Number of simulation steps executed (for benchmarks).
     *
     * @return the step count
     */
    public long steps() {
        return scheduler.executed();
    }

    // ---------------------------------------------------------------- nodes

    /**
     * Starts {@code count} nodes named {@code n000}, {@code n001}, ... with default settings.
     *
     * @param count how many
     * @return the new nodes
     */
    public List<SimNode> addNodes(int count) {
        return addNodes(count, (index, builder) -> builder);
    }

    /**
     * Starts {@code count} nodes, each configured by {@code configure(index, builder)}.
     *
     * @param count     how many
     * @param configure sets headers, groups, timers per node
     * @return the new nodes
     */
    public List<SimNode> addNodes(int count, NodeConfigurer configure) {
        List<SimNode> added = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = nodes.size();
            added.add(addNode(String.format("n%03d", index), builder -> configure.configure(index, builder)));
        }
        return added;
    }

    /** Configures the node at an index. */
    @FunctionalInterface
    public interface NodeConfigurer {
        /**
         * Configures one node.
         *
         * @param index   the node's index
         * @param builder its configuration, named already
         * @return the builder
         */
        ZreConfig.Builder configure(int index, ZreConfig.Builder builder);
    }

    /**
     * Starts one node.
     *
     * @param name      the node's name
     * @param configure sets headers, groups, timers
     * @return the node
     */
    public SimNode addNode(String name, UnaryOperator<ZreConfig.Builder> configure) {
        SimNode node = new SimNode(name, nodes.size());
        nodes.add(node);
        ZreConfig config = configure.apply(ZreConfig.builder().name(name).uuid(newId())).build();
        boot(node, config);
        return node;
    }

    private void boot(SimNode node, ZreConfig config) {
        SimHost host = new SimHost(this, node.index(), "tcp://sim-" + node.index() + ":" + nextPort++);
        Clock clock = scheduler::nowNs;
        DefaultZreNode zre = new DefaultZreNode(config,
                new NodeComponents(host.transportProvider(), host.discoveryProvider(), host.runner(), clock));
        zre.onEvent(event -> {
            trace.record(scheduler.nowNs(), node.name(), event);
            node.record(event);
        });
        host.side = node.host == null ? 0 : node.host.side; // a restarted machine stays where it was
        node.attach(host, zre, config);
        zre.start();
    }

    private PeerId newId() {
        return PeerId.of(identities.nextLong(), identities.nextLong());
    }

    /**
     * Every node ever added, in order.
     *
     * @return the nodes
     */
    public List<SimNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /**
     * The nodes that are running.
     *
     * @return the live nodes
     */
    public List<SimNode> aliveNodes() {
        return nodes.stream().filter(SimNode::isAlive).toList();
    }

    // ---------------------------------------------------------------- time

    /**
     * Lets virtual time pass.
     *
     * @param duration how long
     */
    public void runFor(Duration duration) {
        scheduler.runUntil(scheduler.nowNs() + duration.toNanos());
    }

    /**
     * Runs until {@code condition} holds (checked every 50 ms of virtual time).
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition
     * @param limit     the longest virtual time to wait
     * @return the virtual time it took
     * @throws AssertionError if the condition does not hold within the limit; the message holds the seed
     */
    public Duration runUntil(String what, BooleanSupplier condition, Duration limit) {
        long start = scheduler.nowNs();
        long end = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (scheduler.nowNs() >= end) {
                throw new AssertionError(what + " did not happen within " + limit + " of virtual time (seed " + seed + ")");
            }
            scheduler.runUntil(Math.min(end, scheduler.nowNs() + CHECK_EVERY_NS));
        }
        return Duration.ofNanos(scheduler.nowNs() - start);
    }

    /**
     * Whether every live node knows exactly the live nodes it can reach, and no other.
     *
     * @return true once membership has converged
     */
    public boolean membershipConverged() {
        List<SimNode> alive = aliveNodes();
        for (SimNode node : alive) {
            Set<PeerId> expected = new HashSet<>();
            for (SimNode other : alive) {
                if (other != node && reachable(node.host, other.host)) {
                    expected.add(other.uuid());
                }
            }
            if (!node.node().peers().equals(expected)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs until membership has converged.
     *
     * @param limit the longest virtual time to wait
     * @return the virtual time it took
     */
    public Duration awaitConvergence(Duration limit) {
        return runUntil("membership convergence", this::membershipConverged, limit);
    }

    /**
     * Checks that a shout reached every other live member of a group exactly once, and no one else.
     *
     * @param sender the node that shouted
     * @param group  the group
     * @param text   the text of the shout's first frame
     * @throws AssertionError naming the nodes that got it a wrong number of times, and the seed
     */
    public void assertShoutReachedEachMemberOnce(SimNode sender, String group, String text) {
        StringBuilder wrong = new StringBuilder();
        for (SimNode node : aliveNodes()) {
            long received = node.events(io.zre4j.ZreEvent.Shout.class).stream()
                    .filter(shout -> shout.peer().equals(sender.uuid()) && shout.group().equals(group)
                            && shout.content().text().equals(text))
                    .count();
            long expected = node != sender && node.node().ownGroups().contains(group) ? 1 : 0;
            if (received != expected) {
                wrong.append(' ').append(node.name()).append('=').append(received).append("(want ").append(expected).append(')');
            }
        }
        if (wrong.length() > 0) {
            throw new AssertionError("shout \"" + text + "\" to " + group + " from " + sender.name()
                    + " was received a wrong number of times:" + wrong + " (seed " + seed + ")");
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * Cuts the network in two: {@code side} on one part, every other node on the other. Beacons and link
     * traffic no longer cross; messages already on the way across are lost.
     *
     * @param oneSide the nodes on one side
     */
    public void partition(Collection<SimNode> oneSide) {
        Set<SimNode> members = new HashSet<>(oneSide);
        for (SimNode node : nodes) {
            node.host.side = members.contains(node) ? 1 : 0;
        }
    }

    /** Removes every partition. */
    public void heal() {
        nodes.forEach(node -> node.host.side = 0);
    }

    /**
     * Breaks the TCP connections between two nodes (both directions), as a reset or a flaky Wi-Fi would:
     * messages on the way are lost and the links reconnect at once. The receivers then see a sequence gap,
     * drop the peer (EXIT) and find it again by its next beacon, as Zyre does.
     *
     * @param a one node
     * @param b the other
     */
    public void breakLinks(SimNode a, SimNode b) {
        a.host.breakLinkTo(b.host);
        b.host.breakLinkTo(a.host);
    }

    /**
     * The node's machine dies: no leave beacon, no goodbye; peers find out by expiry.
     *
     * @param node the node
     */
    public void crash(SimNode node) {
        if (node.isAlive()) {
            node.host.crash();
            node.markDown();
        }
    }

    /**
     * Starts the node again (crashing it first if it still runs), on a new port, with the same uuid or a
     * new one, and the same name, headers and groups.
     *
     * @param node     the node
     * @param sameUuid keep the identity (a fixed uuid) or take a new one
     */
    public void restart(SimNode node, boolean sameUuid) {
        crash(node);
        ZreConfig config = sameUuid ? node.config : node.config.newBuilder().uuid(newId()).build();
        boot(node, config);
    }

    /**
     * Makes a node digest received messages slowly; its peers' links fill up to their high-water mark and
     * further sends are refused and counted.
     *
     * @param node       the node
     * @param perMessage virtual time to handle one message
     */
    public void slowConsumer(SimNode node, Duration perMessage) {
        node.host.perMessageCostNs = perMessage.toNanos();
    }

    // ---------------------------------------------------------------- for SimHost

    Scheduler scheduler() {
        return scheduler;
    }

    long nowNs() {
        return scheduler.nowNs();
    }

    long delayNs() {
        long jitter = options.jitter().toNanos();
        return options.latency().toNanos() + (jitter > 0 ? delays.nextLong(jitter) : 0);
    }

    long beaconPhaseNs(long intervalNs) {
        return phases.nextLong(intervalNs);
    }

    void register(SimHost host) {
        hostsByEndpoint.put(host.endpoint, host);
        listening.put(host, Boolean.TRUE);
    }

    void unregister(SimHost host) {
        hostsByEndpoint.remove(host.endpoint, host);
        listening.remove(host);
    }

    SimHost hostAt(String endpoint) {
        return hostsByEndpoint.get(endpoint);
    }

    boolean reachable(SimHost a, SimHost b) {
        return a.side == b.side;
    }

    /** One beacon (endpoint null = leaving) to every other listening host, with loss and duplication. */
    void broadcastBeacon(SimHost from, PeerId id, String endpoint) {
        List<SimHost> receivers = new ArrayList<>(listening.size());
        for (SimHost host : listening.keySet()) {
            if (host == from || !reachable(from, host)) {
                continue;
            }
            if (beacons.nextDouble() < options.beaconLoss()) {
                continue;
            }
            receivers.add(host);
            if (options.beaconDuplication() > 0 && beacons.nextDouble() < options.beaconDuplication()) {
                receivers.add(host);
            }
        }
        // One delivery task per beacon, not per receiver: a 1000-node run sends a million beacons a second.
        scheduler.at(scheduler.nowNs() + delayNs(), () -> {
            for (SimHost host : receivers) {
                if (reachable(from, host)) {
                    host.deliverBeacon(id, endpoint);
                }
            }
        });
    }
}
