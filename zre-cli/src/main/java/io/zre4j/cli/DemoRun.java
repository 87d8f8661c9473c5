package io.zre4j.cli;

import io.zre4j.Counter;
import io.zre4j.MessageType;
import io.zre4j.Statistics;
import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.ZreNode;
import io.zre4j.core.DefaultZreNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The demo's script: N real nodes on loopback discover each other, join groups, shout, whisper; one leaves
 * politely, one vanishes and expires; then what each node saw. Every wait is bounded, and the whole run
 * ends within a minute even when a step fails.
 */
final class DemoRun {

    private static final List<String> NAMES = List.of("ada", "bob", "cleo", "dan", "eve", "fay", "gus", "hal",
            "ivy", "jon", "kay", "leo", "mia", "ned", "ola", "pam", "quin", "rex", "sam", "tia");
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration EVASIVE = Duration.ofSeconds(1);
    private static final Duration EXPIRED = Duration.ofSeconds(3);
    private static final Duration STEP_LIMIT = Duration.ofSeconds(15);
    private static final Duration TOTAL_LIMIT = Duration.ofSeconds(50);
    private static final String EVERYONE = "DEMO";
    private static final String EVENS = "EVEN";

    /** One demo node and every event it saw. */
    private static final class Member {
        final int index;
        final String name;
        final ZreNode node;
        final List<ZreEvent> seen = new CopyOnWriteArrayList<>();
        volatile String fate = "running";

        Member(int index, String name, ZreNode node) {
            this.index = index;
            this.name = name;
            this.node = node;
        }

        boolean saw(Predicate<ZreEvent> what) {
            return seen.stream().anyMatch(what);
        }

        long count(EventType type) {
            return seen.stream().filter(event -> event.type() == type).count();
        }

        boolean running() {
            return fate.equals("running");
        }
    }

    private final int count;
    private final PrintWriter out;
    private final Object progress = new Object();
    private final List<Member> members = new ArrayList<>();
    private final long startNs = System.nanoTime();
    private volatile boolean narrating = true;

    /**
     * A demo of {@code count} nodes.
     *
     * @param count 3 or more
     * @param out   where the story is told
     */
    DemoRun(int count, PrintWriter out) {
        this.count = count;
        this.out = out;
    }

    /**
     * Runs the demo to its summary.
     *
     * @return true if every step happened
     */
    boolean run() {
        int port = LoopbackPorts.freeUdpPort();
        say(String.format(Locale.ROOT, "zre4j demo: %d nodes in this process on loopback (interface lo, beacon port %d), "
                + "beacons every %s, evasive after %s, expired after %s", count, port, text(INTERVAL), text(EVASIVE),
                text(EXPIRED)));
        try {
            boolean ok = start(port) && joinGroups() && shout() && whisper() && leavePolitely() && vanish();
            narrating = false;
            summary(ok);
            return ok;
        } finally {
            narrating = false;
            members.forEach(member -> member.node.close());
        }
    }

    private boolean start(int port) {
        for (int i = 0; i < count; i++) {
            String name = i < NAMES.size() ? NAMES.get(i) : "node" + i;
            ZreNode node = Zre.builder().name(name).header("X-DEMO-INDEX", Integer.toString(i))
                    .interfaceName("lo").beaconPort(port).beaconInterval(INTERVAL)
                    .evasiveTimeout(EVASIVE).expiredTimeout(EXPIRED).build();
            Member member = new Member(i, name, node);
            node.onEvent(event -> record(member, event));
            members.add(member);
        }
        return step("start " + count + " nodes: each binds a TCP inbox and broadcasts UDP beacons",
                () -> members.forEach(member -> member.node.start()),
                "every node knows the " + (count - 1) + " others",
                () -> members.stream().allMatch(member -> member.node.peers().size() == count - 1));
    }

    private boolean joinGroups() {
        long evens = members.stream().filter(member -> member.index % 2 == 0).count();
        return step("everyone joins " + EVERYONE + "; the even-numbered nodes also join " + EVENS,
                () -> members.forEach(member -> {
                    member.node.join(EVERYONE);
                    if (member.index % 2 == 0) {
                        member.node.join(EVENS);
                    }
                }),
                "every node sees the members of both groups",
                () -> members.stream().allMatch(member -> member.node.peersByGroup(EVERYONE).size() == count - 1
                        && member.node.peersByGroup(EVENS).size() == evens - (member.index % 2 == 0 ? 1 : 0)));
    }

    private boolean shout() {
        Member first = members.get(0);
        Member third = members.get(2);
        String hello = "hello everyone, from " + first.name;
        String evensOnly = "evens only, from " + third.name;
        return step(first.name + " shouts to " + EVERYONE + "; " + third.name + " shouts to " + EVENS,
                () -> {
                    first.node.shouts(EVERYONE, "%s", hello);
                    third.node.shouts(EVENS, "%s", evensOnly);
                },
                "each shout reached every other member of its group",
                () -> members.stream().allMatch(member -> (member == first || member.saw(shoutOf(hello)))
                        && (member == third || member.index % 2 == 1 || member.saw(shoutOf(evensOnly)))));
    }

    private boolean whisper() {
        Member from = members.get(1);
        Member to = members.get(0);
        String psst = "psst " + to.name + ", " + from.name + " here";
        return step(from.name + " whispers to " + to.name,
                () -> from.node.whispers(to.node.uuid(), "%s", psst),
                to.name + " got the whisper",
                () -> to.saw(event -> event instanceof ZreEvent.Whisper w && w.content().text().equals(psst)));
    }

    private boolean leavePolitely() {
        Member leaver = members.get(count - 1);
        return step(leaver.name + " leaves politely (stop: a leaving beacon, then its links close)",
                () -> {
                    leaver.node.stop();
                    leaver.fate = "left politely";
                },
                "every running node saw " + leaver.name + " EXIT at once",
                () -> everyoneRunningSawExitOf(leaver));
    }

    private boolean vanish() {
        Member victim = members.get(count - 2);
        return step(victim.name + " vanishes (crash: no goodbye, as if its machine died)",
                () -> {
                    if (victim.node instanceof DefaultZreNode node) {
                        node.crash();
                    } else {
                        victim.node.close();
                    }
                    victim.fate = "vanished";
                },
                "every running node saw " + victim.name + " turn EVASIVE, then SILENT, then EXIT once expired",
                () -> everyoneRunningSawExitOf(victim));
    }

    private boolean everyoneRunningSawExitOf(Member gone) {
        return members.stream().filter(Member::running).allMatch(member ->
                member.saw(event -> event.type() == EventType.EXIT && event.peer().equals(gone.node.uuid())));
    }

    private static Predicate<ZreEvent> shoutOf(String text) {
        return event -> event instanceof ZreEvent.Shout shout && shout.content().text().equals(text);
    }

    /** Does something, then waits (bounded) until the expectation holds. */
    private boolean step(String action, Runnable act, String expectation, BooleanSupplier done) {
        say("");
        say("== " + action);
        long stepStartNs = System.nanoTime();
        act.run();
        Duration left = TOTAL_LIMIT.minusNanos(System.nanoTime() - startNs);
        Duration limit = left.compareTo(STEP_LIMIT) < 0 ? left : STEP_LIMIT;
        boolean ok = await(done, limit);
        String took = text(Duration.ofNanos(System.nanoTime() - stepStartNs));
        say(ok ? "   ok: " + expectation + " (" + took + ")" : "   FAILED: " + expectation + " did not happen within " + text(limit));
        return ok;
    }

    /** Waits for a condition that only events change: re-checked after each event, or every 100 ms. */
    private boolean await(BooleanSupplier condition, Duration limit) {
        long deadlineNs = System.nanoTime() + limit.toNanos();
        synchronized (progress) {
            while (!condition.getAsBoolean()) {
                long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.min(leftMs, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** On a node's thread: keep, tell, and wake the waiting step. */
    private void record(Member member, ZreEvent event) {
        member.seen.add(event);
        if (narrating) {
            String what = EventText.describe(event);
            synchronized (out) {
                // The time is read under the lock, so that the lines come out in time order.
                say(String.format(Locale.ROOT, "[%7.3fs] %-5s <- %s", (System.nanoTime() - startNs) / 1e9, member.name, what));
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void summary(boolean ok) {
        say("");
        say("== what each node saw (events) and did (counters), after " + text(Duration.ofNanos(System.nanoTime() - startNs)));
        String format = "%-5s  %-8s  %-13s %5s %4s %4s %5s %5s %7s %7s %6s  %11s  %11s";
        say(String.format(Locale.ROOT, format, "node", "uuid", "fate", "ENTER", "EXIT", "JOIN", "LEAVE", "SHOUT",
                "WHISPER", "EVASIVE", "SILENT", "beacons o/i", "messages o/i"));
        for (Member member : members) {
            Statistics stats = member.node.statistics();
            long messagesOut = 0;
            long messagesIn = 0;
            for (MessageType type : MessageType.values()) {
                messagesOut += stats.messagesOut(type);
                messagesIn += stats.messagesIn(type);
            }
            say(String.format(Locale.ROOT, format, member.name, member.node.uuid().toString().substring(0, 8),
                    member.fate, member.count(EventType.ENTER), member.count(EventType.EXIT),
                    member.count(EventType.JOIN), member.count(EventType.LEAVE), member.count(EventType.SHOUT),
                    member.count(EventType.WHISPER), member.count(EventType.EVASIVE), member.count(EventType.SILENT),
                    stats.get(Counter.BEACONS_SENT) + "/" + stats.get(Counter.BEACONS_RECEIVED),
                    messagesOut + "/" + messagesIn));
        }
        say("");
        say(ok ? "Demo complete: discovery, groups, shout, whisper, polite leave and expiry all worked."
                : "Demo FAILED: a step did not happen in time (run with --verbose for the logs).");
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
