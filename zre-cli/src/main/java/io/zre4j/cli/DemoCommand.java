package io.zre4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zre4j demo}: several real nodes in this process, on loopback only, discovering each other, joining
 * groups, shouting, whispering, one leaving politely and one vanishing; then a summary.
 */
@Command(name = "demo", versionProvider = Main.Version.class, sortOptions = false,
        header = "Several nodes in this process on loopback: discovery, groups, messages, departures.",
        description = {"",
            "Starts N real nodes on the loopback interface (a random free beacon port; beacons every 200ms, "
                    + "evasive after 1s, expired after 3s) and shows them discover each other, join groups, shout "
                    + "and whisper; then one leaves politely and one vanishes and expires. Prints what each node "
                    + "saw and exits within a minute. Nothing leaves this machine.",
            ""})
final class DemoCommand implements Callable<Integer> {

    /** The most nodes a demo runs; beyond that the narration is unreadable. */
    static final int MAX_NODES = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5",
            description = "Number of nodes, 3 to " + MAX_NODES + " (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        common.apply();
        if (nodes < 3 || nodes > MAX_NODES) {
            // One to shout, one to leave, one to vanish: three is the least that shows everything.
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--nodes': must be 3 to " + MAX_NODES + ", got " + nodes);
        }
        return new DemoRun(nodes, spec.commandLine().getOut()).run() ? 0 : 1;
    }
}
