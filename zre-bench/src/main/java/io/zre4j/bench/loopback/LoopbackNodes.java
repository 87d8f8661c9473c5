package io.zre4j.bench.loopback;

import io.zre4j.Zre;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Real nodes (JeroMQ transport, UDP beacons) in this process, on the loopback interface only: interface
 * {@code lo}, inboxes on {@code tcp://127.0.0.1:*}, beacons to 127.255.255.255 on a free port that is never
 * 5670. Closing closes every node, several at a time.
 */
public final class LoopbackNodes implements AutoCloseable {

    /** Nodes closed at once: a polite stop waits for the leave beacon and the links' linger. */
    private static final int CLOSERS = 8;

    private final int beaconPort;
    private final Duration beaconInterval;
    private final List<ZreNode> nodes = new ArrayList<>();

    private LoopbackNodes(int beaconPort, Duration beaconInterval) {
        this.beaconPort = beaconPort;
        this.beaconInterval = beaconInterval;
    }

    /**
     * Builds nodes without starting them.
     *
     * @param count          how many
     * @param beaconInterval time between beacons
     * @param name           the name of the node at an index
     * @return the unstarted nodes
     */
    public static LoopbackNodes build(int count, Duration beaconInterval, IntFunction<String> name) {
        LoopbackNodes cluster = new LoopbackNodes(FreePorts.beaconPort(), beaconInterval);
        for (int i = 0; i < count; i++) {
            cluster.nodes.add(Zre.builder().name(name.apply(i)).interfaceName("lo").endpoint("tcp://127.0.0.1:*")
                    .beaconPort(cluster.beaconPort).beaconInterval(beaconInterval).build());
        }
        return cluster;
    }

    /**
     * Builds and starts nodes, and waits until each knows all the others.
     *
     * @param count          how many
     * @param beaconInterval time between beacons
     * @param name           the name of the node at an index
     * @return the running, fully meshed nodes
     */
    public static LoopbackNodes startMeshed(int count, Duration beaconInterval, IntFunction<String> name) {
        LoopbackNodes cluster = build(count, beaconInterval, name);
        try {
            cluster.startAll();
            cluster.awaitFullMesh(beaconInterval.multipliedBy(30).plusSeconds(10));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts every node, in order. */
    public void startAll() {
        nodes.forEach(ZreNode::start);
    }

    /**
     * The nodes, in creation order.
     *
     * @return an unmodifiable list
     */
    public List<ZreNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /**
     * One node.
     *
     * @param index its position
     * @return the node
     */
    public ZreNode get(int index) {
        return nodes.get(index);
    }

    /**
     * The beacon interval the nodes use.
     *
     * @return the interval
     */
    public Duration beaconInterval() {
        return beaconInterval;
    }

    /**
     * Whether every node knows every other one.
     *
     * @return true once membership has converged
     */
    public boolean fullyMeshed() {
        for (ZreNode node : nodes) {
            if (node.peers().size() != nodes.size() - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every node knows every other one.
     *
     * @param limit the longest wait
     * @throws IllegalStateException if that does not happen in time
     */
    public void awaitFullMesh(Duration limit) {
        await("full membership of " + nodes.size() + " nodes", this::fullyMeshed, limit);
    }

    /**
     * Waits for a condition on the nodes.
     *
     * @param what      what is awaited
     * @param condition the condition
     * @param limit     the longest wait
     * @throws IllegalStateException if that does not happen in time
     */
    public void await(String what, BooleanSupplier condition, Duration limit) {
        Waits.until(what, condition, limit, Waits.MEMBERSHIP_CHECK_NS, this::describe);
    }

    private String describe() {
        StringBuilder peers = new StringBuilder("peers known per node:");
        for (ZreNode node : nodes) {
            peers.append(' ').append(node.name()).append('=').append(node.peers().size());
        }
        return peers + " (beacon port " + beaconPort + ")";
    }

    /** Closes every node; waits for all of them. */
    @Override
    public void close() {
        List<Thread> closers = new ArrayList<>();
        for (int first = 0; first < CLOSERS && first < nodes.size(); first++) {
            int start = first;
            Thread closer = new Thread(() -> {
                for (int i = start; i < nodes.size(); i += CLOSERS) {
                    nodes.get(i).close();
                }
            }, "bench-closer-" + first);
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
