package io.zre4j.sim;

import io.zre4j.Frames;
import io.zre4j.ZreEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;

/**
 * The ordered record of every event every simulated node delivered, one line per event, hashed as it
 * grows. Same seed and scenario, same lines, same hash. Only the last lines are kept in memory (for
 * failure reports), unless the whole trace is asked for.
 */
public final class Trace {

    private static final int DEFAULT_TAIL = 200;

    private final MessageDigest digest;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final int tailSize;
    private final StringBuilder full;
    private long lines;

    Trace(boolean keepAll) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        tailSize = DEFAULT_TAIL;
        full = keepAll ? new StringBuilder() : null;
    }

    void record(long nowNs, String observer, ZreEvent event) {
        String line = format(nowNs, observer, event);
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        lines++;
        if (tail.size() == tailSize) {
            tail.removeFirst();
        }
        tail.addLast(line);
        if (full != null) {
            full.append(line).append('\n');
        }
    }

    static String format(long nowNs, String observer, ZreEvent event) {
        StringBuilder line = new StringBuilder(96);
        // Fixed-point by hand: String.format would follow the machine's locale, and the trace must not.
        long micros = nowNs / 1_000;
        line.append(micros / 1_000).append('.').append(String.valueOf(1_000 + micros % 1_000), 1, 4).append(' ')
                .append(observer).append(' ').append(event.type()).append(' ').append(event.name()).append('/')
                .append(event.peer().toString(), 0, 8);
        switch (event.type()) {
            case JOIN -> line.append(' ').append(((ZreEvent.Join) event).group());
            case LEAVE -> line.append(' ').append(((ZreEvent.Leave) event).group());
            case LEADER -> line.append(' ').append(((ZreEvent.Leader) event).group());
            case SHOUT -> {
                ZreEvent.Shout shout = (ZreEvent.Shout) event;
                line.append(' ').append(shout.group()).append(' ').append(describe(shout.content()));
            }
            case WHISPER -> line.append(' ').append(describe(((ZreEvent.Whisper) event).content()));
            case ENTER -> {
                ZreEvent.Enter enter = (ZreEvent.Enter) event;
                line.append(' ').append(enter.headers()).append(' ').append(enter.address());
            }
            default -> {
            }
        }
        return line.toString();
    }

    private static String describe(Frames content) {
        return content.size() + "f:" + content.text();
    }

    /**
     * The number of lines so far.
     *
     * @return the line count
     */
    public long size() {
        return lines;
    }

    /**
     * The SHA-256 of every line so far, as hex. Reading it does not disturb the running hash.
     *
     * @return the trace hash
     */
    public String hash() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    /**
     * The last lines (up to 200), oldest first.
     *
     * @return the tail of the trace
     */
    public List<String> tail() {
        return List.copyOf(tail);
    }

    /**
     * The whole trace, when the simulation was created to keep it.
     *
     * @return every line, or the tail when only the tail was kept
     */
    public String text() {
        return full != null ? full.toString() : String.join("\n", tail) + "\n";
    }
}
