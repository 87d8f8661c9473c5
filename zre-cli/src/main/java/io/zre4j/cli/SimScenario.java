package io.zre4j.cli;

import io.zre4j.ZreEvent;
import io.zre4j.sim.SimNetwork;
import io.zre4j.sim.SimNode;
import io.zre4j.sim.SimOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The scenario {@code zre4j sim} runs: discovery, a group and a shout; optionally a partition and heal and K
 * crashes and restarts. Every phase waits in virtual time for a stated condition, so the run is as long as
 * the protocol needs and no longer; a phase that does not converge fails the run with the replay command.
 */
final class SimScenario {

    private static final String GROUP = "SIM";
    private static final Duration CONVERGE_LIMIT = Duration.ofSeconds(30);
    /** Expiry takes Zyre's 30 s; a phase that waits for it gets some slack. */
    private static final Duration EXPIRY_LIMIT = Duration.ofSeconds(45);

    private final int count;
    private final long seed;
    private final boolean partition;
    private final int crash;
    private final boolean printTrace;

    /**
     * A scenario.
     *
     * @param count      number of nodes
     * @param seed       the seed
     * @param partition  split and heal the network
     * @param crash      how many nodes crash and restart
     * @param printTrace print the whole trace
     */
    SimScenario(int count, long seed, boolean partition, int crash, boolean printTrace) {
        this.count = count;
        this.seed = seed;
        this.partition = partition;
        this.crash = crash;
        this.printTrace = printTrace;
    }

    /**
     * Runs the scenario and prints its summary.
     *
     * @param out where to print
     * @return true if every phase converged
     */
    boolean run(PrintWriter out) {
        long wallStartNs = System.nanoTime();
        SimNetwork net = new SimNetwork(seed, SimOptions.lan(), printTrace);
        out.printf(Locale.ROOT, "zre4j sim: %d nodes, seed %d%s%s%n", count, seed, partition ? ", partition" : "",
                crash > 0 ? ", " + crash + " crash" + (crash > 1 ? "es" : "") : "");
        boolean ok;
        StringBuilder phases = new StringBuilder();
        try {
            List<SimNode> nodes = net.addNodes(count);
            Duration discovery = net.awaitConvergence(CONVERGE_LIMIT);
            line(phases, "discovery", "every node knows the " + (count == 2 ? "other" : (count - 1) + " others") + " after " + seconds(discovery)
                    + " of virtual time");
            groupAndShout(net, nodes, phases);
            if (partition) {
                partitionAndHeal(net, nodes, phases);
            }
            if (crash > 0) {
                crashAndRestart(net, nodes, phases);
            }
            ok = true;
        } catch (AssertionError e) {
            line(phases, "FAILED", e.getMessage());
            ok = false;
        }
        long wallNs = System.nanoTime() - wallStartNs;
        if (printTrace) {
            out.print(net.trace().text());
        }
        out.print(phases);
        StringBuilder summary = new StringBuilder();
        line(summary, "virtual time", seconds(net.elapsed()));
        line(summary, "wall time", seconds(Duration.ofNanos(wallNs)));
        line(summary, "trace", net.trace().size() + " events, " + net.steps() + " simulation steps");
        line(summary, "trace hash", net.trace().hash());
        line(summary, "replay", replayCommand());
        out.print(summary);
        out.flush();
        return ok;
    }

    private static void groupAndShout(SimNetwork net, List<SimNode> nodes, StringBuilder phases) {
        nodes.forEach(node -> node.node().join(GROUP));
        Duration joined = net.runUntil("every node sees the group " + GROUP, () -> nodes.stream()
                .allMatch(node -> node.node().peersByGroup(GROUP).size() == nodes.size() - 1), CONVERGE_LIMIT);
        line(phases, "group", "all " + nodes.size() + " joined " + GROUP + "; every node saw it after " + seconds(joined));
        SimNode shouter = nodes.get(0);
        String hello = "hello from " + shouter.name();
        shouter.node().shouts(GROUP, "%s", hello);
        Duration heard = net.runUntil("every member hears the shout", () -> nodes.stream()
                .filter(node -> node != shouter)
                .allMatch(node -> node.events(ZreEvent.Shout.class).stream()
                        .anyMatch(shout -> shout.content().text().equals(hello))), CONVERGE_LIMIT);
        line(phases, "shout", shouter.name() + "'s shout reached the " + (nodes.size() - 1) + " others after "
                + seconds(heard));
    }

    private static void partitionAndHeal(SimNetwork net, List<SimNode> nodes, StringBuilder phases) {
        List<SimNode> oneSide = nodes.subList(0, nodes.size() / 2);
        net.partition(oneSide);
        Duration split = net.runUntil("each side expires the other", net::membershipConverged, EXPIRY_LIMIT);
        net.heal();
        Duration healed = net.awaitConvergence(CONVERGE_LIMIT);
        line(phases, "partition", oneSide.size() + " | " + (nodes.size() - oneSide.size()) + ": each side dropped the "
                + "other after " + seconds(split) + "; healed, converged again after " + seconds(healed));
    }

    private void crashAndRestart(SimNetwork net, List<SimNode> nodes, StringBuilder phases) {
        // Node 0 shouted and stays; the next ones crash.
        List<SimNode> crashed = nodes.subList(1, 1 + crash);
        crashed.forEach(net::crash);
        Duration expired = net.runUntil("the survivors expire the crashed nodes", net::membershipConverged, EXPIRY_LIMIT);
        crashed.forEach(node -> net.restart(node, true));
        Duration rejoined = net.awaitConvergence(CONVERGE_LIMIT);
        line(phases, "crash", crash + (crash == 1 ? " node" : " nodes") + " crashed; the others dropped them after "
                + seconds(expired) + "; restarted with the same uuid, converged after " + seconds(rejoined));
    }

    private String replayCommand() {
        return "zre4j sim --nodes " + count + " --seed " + seed + (partition ? " --partition" : "")
                + (crash > 0 ? " --crash " + crash : "");
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", label, value));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
