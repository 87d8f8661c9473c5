package io.zre4j.cli;

import io.zre4j.ZreNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zre4j monitor}: a live table of the peers on the network and a scrolling log of events; with
 * {@code --once}, one snapshot after a short listening period.
 */
@Command(name = "monitor", versionProvider = Main.Version.class, sortOptions = false,
        header = "A live table of the peers on the network, and their events.",
        description = {"",
            "Shows every peer (name, uuid, address, groups, headers, last seen, evasive/silent) and the recent "
                    + "events, refreshed every second; Ctrl-C to quit. With --once, listens a few seconds, prints "
                    + "one snapshot and exits. The monitor is a node itself: peers see it enter and leave.",
            ""})
final class MonitorCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Spec
    private CommandSpec spec;

    @Option(names = "--once", order = -10, description = "Listen for a while, print one snapshot and exit.")
    private boolean once;

    @Option(names = "--listen", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "3s",
            order = -9, description = "With --once: how long to listen before printing (default: ${DEFAULT-VALUE}).")
    private Duration listen;

    @Option(names = "--until-peers", paramLabel = "N", order = -8,
            description = "With --once: print as soon as N peers are known (still at most --listen).")
    private Integer untilPeers;

    @Option(names = "--refresh", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            order = -7, description = "Live: time between screen refreshes (default: ${DEFAULT-VALUE}).")
    private Duration refresh;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, order = -6,
            description = "Live: stop after this long (default: until Ctrl-C).")
    private Duration duration;

    @Option(names = "--events", paramLabel = "N", defaultValue = "15", order = -5,
            description = "Number of recent events shown (default: ${DEFAULT-VALUE}).")
    private int events;

    @Mixin
    private NodeOptions options;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        common.apply();
        if (events < 0 || untilPeers != null && untilPeers < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be >= 0 and --until-peers >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PeerTable table = new PeerTable(events);
        try (ZreNode node = options.newNode(builder -> builder)) {
            node.start();
            EventPump pump = EventPump.start(node, event -> table.apply(event, System.nanoTime(), LocalTime.now()));
            // Ctrl-C: the node leaves politely, and the screen loop ends.
            CountDownLatch ended = new CountDownLatch(1);
            ShutdownHook hook = ShutdownHook.install(() -> {
                ended.countDown();
                pump.stopNode();
            });
            try {
                if (once) {
                    listen(table, ended);
                } else {
                    watch(node, table, out, ended);
                }
            } catch (InterruptedException e) {
                // An interrupt asks the monitor to end, like Ctrl-C: handled by ending normally, and not passed
                // on, so that the node can still stop politely.
            } finally {
                hook.remove();
            }
            pump.stopNode();
            if (once) {
                print(node, table, out, false);
            }
        }
        return 0;
    }

    private void listen(PeerTable table, CountDownLatch ended) throws InterruptedException {
        if (untilPeers != null) {
            table.awaitPeers(untilPeers, listen);
        } else {
            // Listening for the whole period is the point: the monitor cannot know how many peers exist.
            ended.await(listen.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Redraws until Ctrl-C or the end of --duration. */
    private void watch(ZreNode node, PeerTable table, PrintWriter out, CountDownLatch ended) throws InterruptedException {
        boolean terminal = System.console() != null;
        long endNs = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (true) {
            print(node, table, out, terminal);
            long leftNs = endNs - System.nanoTime();
            if (leftNs <= 0 || ended.await(Math.min(leftNs, refresh.toNanos()), TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }

    private static void print(ZreNode node, PeerTable table, PrintWriter out, boolean terminal) {
        StringBuilder screen = new StringBuilder(terminal ? CLEAR_SCREEN : "");
        String nl = System.lineSeparator();
        screen.append("zre4j monitor ").append(CLOCK.format(LocalTime.now())).append(" - ").append(node.name())
                .append(" [").append(node.uuid()).append("] beacon port ").append(node.config().beaconPort())
                .append(" - ").append(table.size()).append(table.size() == 1 ? " peer" : " peers").append(nl).append(nl)
                .append(table.render(System.nanoTime(), node::peerLiveness)).append(nl).append("Recent events:").append(nl);
        table.recentEvents().forEach(line -> screen.append("  ").append(line).append(nl));
        synchronized (out) {
            out.print(screen);
            out.flush();
        }
    }
}
