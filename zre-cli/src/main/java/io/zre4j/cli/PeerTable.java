package io.zre4j.cli;

import io.zre4j.PeerId;
import io.zre4j.PeerLiveness;
import io.zre4j.ZreEvent;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monitor's model: every known peer (name, uuid, address, groups, headers, when it was last seen, and
 * whether it is evasive or silent) and the most recent events, rendered as text. The rows come from the
 * node's events, so they list what the application sees. Thread-safe: the event pump writes, the screen
 * refresher reads.
 *
 * <p>"Last seen" and the state come from the node's own view ({@link io.zre4j.ZreNode#peerLiveness}: beacons
 * and messages count, and a peer that comes back shows alive again at once) when the renderer is given it;
 * otherwise from the events: the time of the last event about the peer, and EVASIVE or SILENT until its
 * next event.
 */
final class PeerTable {

    /** How a peer is doing, as far as the events tell. */
    enum Liveness {
        /** Heard from, no trouble reported. */
        ALIVE,
        /** Reported EVASIVE: quiet for the evasive timeout, pinged. */
        EVASIVE,
        /** Reported SILENT: did not answer the ping. */
        SILENT
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final String[] COLUMNS = {"NAME", "UUID", "ADDRESS", "GROUPS", "HEADERS", "LAST SEEN", "STATE"};

    /** One peer, mutated under the table's lock only. */
    private static final class Row {
        final PeerId peer;
        final String name;
        final String address;
        final Map<String, String> headers;
        final TreeSet<String> groups = new TreeSet<>();
        long lastSeenNs;
        Liveness liveness = Liveness.ALIVE;

        Row(ZreEvent.Enter enter, long nowNs) {
            peer = enter.peer();
            name = enter.name();
            address = enter.address();
            headers = enter.headers();
            lastSeenNs = nowNs;
        }
    }

    private final Map<PeerId, Row> rows = new LinkedHashMap<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private final int logLines;

    /**
     * An empty table.
     *
     * @param logLines how many recent events to keep
     */
    PeerTable(int logLines) {
        if (logLines < 0) {
            throw new IllegalArgumentException("logLines must be >= 0, got " + logLines);
        }
        this.logLines = logLines;
    }

    /**
     * Records an event.
     *
     * @param event the event
     * @param nowNs the monotonic time it arrived ({@link System#nanoTime()})
     * @param clock the wall-clock time, for the event log
     */
    synchronized void apply(ZreEvent event, long nowNs, LocalTime clock) {
        if (logLines > 0) {
            if (log.size() == logLines) {
                log.removeFirst();
            }
            log.addLast(CLOCK.format(clock) + " " + EventText.describe(event));
        }
        if (event instanceof ZreEvent.Enter enter) {
            rows.put(enter.peer(), new Row(enter, nowNs));
        } else if (event instanceof ZreEvent.Exit) {
            rows.remove(event.peer());
        } else {
            Row row = rows.get(event.peer());
            if (row != null) {
                update(row, event, nowNs);
            }
        }
        notifyAll();
    }

    private static void update(Row row, ZreEvent event, long nowNs) {
        switch (event.type()) {
            case EVASIVE -> row.liveness = Liveness.EVASIVE;
            case SILENT -> row.liveness = Liveness.SILENT;
            default -> {
                row.liveness = Liveness.ALIVE;
                row.lastSeenNs = nowNs;
                if (event instanceof ZreEvent.Join join) {
                    row.groups.add(join.group());
                } else if (event instanceof ZreEvent.Leave leave) {
                    row.groups.remove(leave.group());
                }
            }
        }
    }

    /**
     * Number of known peers.
     *
     * @return the count
     */
    synchronized int size() {
        return rows.size();
    }

    /**
     * Waits until at least {@code count} peers are known.
     *
     * @param count   how many
     * @param timeout the longest wait
     * @return true if they are known
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized boolean awaitPeers(int count, Duration timeout) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        for (long leftNs = timeout.toNanos(); rows.size() < count && leftNs > 0; leftNs = deadlineNs - System.nanoTime()) {
            wait(Math.max(1, leftNs / 1_000_000));
        }
        return rows.size() >= count;
    }

    /**
     * The table of peers, one line each, sorted by name, with a header line.
     *
     * @param nowNs the monotonic time now, for "last seen"
     * @return the text, ending with a line break
     */
    synchronized String render(long nowNs) {
        return render(nowNs, peer -> Optional.empty());
    }

    /**
     * The table of peers, with "last seen" and the state from the node's view of each peer.
     *
     * @param nowNs    the monotonic time now, for rows the node has no view of
     * @param liveness the node's view of a peer, e.g. {@code node::peerLiveness}
     * @return the text, ending with a line break
     */
    synchronized String render(long nowNs, Function<PeerId, Optional<PeerLiveness>> liveness) {
        if (rows.isEmpty()) {
            return "(no peers yet)" + System.lineSeparator();
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(COLUMNS);
        rows.values().stream()
                .sorted(Comparator.comparing((Row row) -> row.name).thenComparing(row -> row.peer))
                .forEach(row -> lines.add(new String[] {EventText.printable(row.name), row.peer.toString(),
                    EventText.printable(row.address), EventText.printable(String.join(",", row.groups)),
                    EventText.printable(row.headers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(","))),
                    lastSeen(row, nowNs, liveness), state(row, liveness)}));
        return columns(lines);
    }

    /**
     * The most recent events, oldest first, one per line.
     *
     * @return the lines
     */
    synchronized List<String> recentEvents() {
        return List.copyOf(log);
    }

    /** Aligns cells in columns two spaces apart. */
    private static String columns(List<String[]> lines) {
        int[] widths = new int[COLUMNS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                row.append(i == line.length - 1 ? line[i] : String.format("%-" + (widths[i] + 2) + "s", line[i]));
            }
            text.append(row.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** "0.4s ago", "12s ago", "3m05s ago". */
    private static String lastSeen(Row row, long nowNs, Function<PeerId, Optional<PeerLiveness>> liveness) {
        return liveness.apply(row.peer).map(view -> ago(view.sinceLastSeen().toNanos()))
                .orElseGet(() -> ago(nowNs - row.lastSeenNs));
    }

    private static String state(Row row, Function<PeerId, Optional<PeerLiveness>> liveness) {
        return liveness.apply(row.peer).map(view -> view.state().name())
                .orElseGet(row.liveness::name).toLowerCase(Locale.ROOT);
    }

    static String ago(long elapsedNs) {
        long millis = Math.max(0, elapsedNs / 1_000_000);
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%d.%ds ago", millis / 1000, millis % 1000 / 100);
        }
        long seconds = millis / 1000;
        return seconds < 120 ? seconds + "s ago" : String.format(Locale.ROOT, "%dm%02ds ago", seconds / 60, seconds % 60);
    }
}
