package io.zre4j.cli;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zre4j sim}: a simulated network of real ZRE engines in virtual time, driven by one seed. Prints
 * what happened, the virtual and wall time, and the trace hash: the same seed gives the same hash.
 */
@Command(name = "sim", versionProvider = Main.Version.class, sortOptions = false,
        header = "A deterministic simulation of N nodes in virtual time; same seed, same trace.",
        description = {"",
            "Runs N real ZRE engines on an in-memory network in virtual time, every random choice drawn from "
                    + "one seed. The nodes discover each other, join a group and shout; --partition splits the "
                    + "network in two until each half drops the other, then heals it; --crash K crashes K nodes "
                    + "and restarts them once expired. Prints the convergence times (virtual), the wall time and "
                    + "the trace hash: the same seed and options give the same hash.",
            ""})
final class SimCommand implements Callable<Integer> {

    /** The most nodes a run may have: a thousand nodes already exchange a million beacons per virtual second. */
    static final int MAX_NODES = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "10",
            description = "Number of nodes, 2 to " + MAX_NODES + " (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--seed", paramLabel = "S", description = "The seed (default: a random one, printed).")
    private Long seed;

    @Option(names = "--partition", description = "Split the network in two halves until they expire each other, then heal.")
    private boolean partition;

    @Option(names = "--crash", paramLabel = "K", defaultValue = "0",
            description = "Crash K nodes (no goodbye), wait until they expire, restart them with the same uuid.")
    private int crash;

    @Option(names = "--trace", description = "Print the whole event trace before the summary.")
    private boolean trace;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        common.apply();
        if (nodes < 2 || nodes > MAX_NODES) {
            throw invalid("--nodes", "must be 2 to " + MAX_NODES + ", got " + nodes);
        }
        if (crash < 0 || crash >= nodes) {
            throw invalid("--crash", "must be 0 to " + (nodes - 1) + " (fewer than --nodes), got " + crash);
        }
        long chosenSeed = seed != null ? seed : new SplittableRandom().nextLong();
        SimScenario scenario = new SimScenario(nodes, chosenSeed, partition, crash, trace);
        return scenario.run(spec.commandLine().getOut()) ? 0 : 1;
    }

    private ParameterException invalid(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
