package io.zre4j.bench.sim;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.sim.SimNetwork;
import io.zre4j.sim.SimNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Wall time of a simulated scenario, in the shape of the simulator's 100-node CI scenario: N nodes start and
 * converge, half of them join a group, one of them shouts once, the network is cut in two halves until each
 * side has expired the other, and then healed until everyone knows everyone again. Each phase's outcome is
 * checked, so a fast but wrong simulation fails rather than scores. A plain timed run, not JMH: one run is
 * seconds long and the question is how long it takes once.
 */
public final class SimulationWallTime {

    private static final String GROUP = "A";
    /** The default expiry (30 s) plus a second: both sides of the partition have expired each other. */
    private static final Duration PARTITION_TIME = Duration.ofSeconds(31);

    /**
     * One run.
     *
     * @param nodes   how many nodes were simulated
     * @param wall    wall time of the whole scenario
     * @param virtual virtual time it covered
     * @param steps   simulation steps executed
     */
    public record Run(int nodes, Duration wall, Duration virtual, long steps) {
    }

    private SimulationWallTime() {
    }

    /**
     * Runs the scenario once.
     *
     * @param nodeCount how many nodes (at least 4)
     * @param seed      the simulation seed
     * @return the run's figures
     * @throws IllegalStateException if a phase does not end as it must
     */
    public static Run run(int nodeCount, long seed) {
        long startNs = System.nanoTime();
        SimNetwork net = new SimNetwork(seed);
        Duration limit = Duration.ofSeconds(10);

        List<SimNode> nodes = net.addNodes(nodeCount, (index, builder) -> builder.header("X-INDEX", Integer.toString(index)));
        net.awaitConvergence(limit);
        nodes.forEach(SimNode::clearEvents); // keeps a 1000-node run's memory to one phase's events

        List<SimNode> members = nodes.stream().filter(node -> node.index() % 2 == 0).toList();
        members.forEach(node -> node.node().join(GROUP));
        net.runUntil("everyone sees group " + GROUP, () -> nodes.stream().allMatch(node ->
                node.node().peersByGroup(GROUP).size() == members.size() - (node.index() % 2 == 0 ? 1 : 0)), limit);

        SimNode shouter = members.get(0);
        nodes.forEach(SimNode::clearEvents);
        shouter.node().shouts(GROUP, "hello %s", GROUP);
        net.runFor(Duration.ofSeconds(1));
        long shoutsReceived = nodes.stream().mapToLong(node -> node.events(ZreEvent.Shout.class).size()).sum();
        check(shoutsReceived == members.size() - 1, "the shout reached " + shoutsReceived + " of "
                + (members.size() - 1) + " members");

        List<SimNode> left = nodes.subList(0, nodeCount / 2);
        nodes.forEach(SimNode::clearEvents);
        net.partition(left);
        net.runFor(PARTITION_TIME);
        check(net.membershipConverged(), "membership did not converge during the partition");
        Set<PeerId> rightIds = nodes.subList(nodeCount / 2, nodeCount).stream().map(SimNode::uuid).collect(Collectors.toSet());
        check(nodes.get(0).events(ZreEvent.Exit.class).stream().map(ZreEvent::peer).collect(Collectors.toSet())
                .equals(rightIds), "a node on the left did not see every node on the right exit");

        nodes.forEach(SimNode::clearEvents);
        net.heal();
        net.awaitConvergence(limit);
        nodes.forEach(SimNode::clearEvents);
        return new Run(nodeCount, Duration.ofNanos(System.nanoTime() - startNs), net.elapsed(), net.steps());
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("simulation scenario failed: " + failure);
        }
    }
}
