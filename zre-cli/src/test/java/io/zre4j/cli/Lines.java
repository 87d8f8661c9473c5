package io.zre4j.cli;

import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Text written by a command, split into lines as it arrives, so that a test can wait for a line. */
final class Lines extends Writer {

    /** How long a test waits for something on the network. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
            } else if (c != '\r') {
                partial.append(c);
            }
        }
    }

    /** Adds one whole line (for readers of a process's output). */
    void add(String line) {
        lines.add(line);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Every complete line so far. */
    List<String> all() {
        return List.copyOf(lines);
    }

    /** Waits until a line matches, and returns the first that does. */
    String await(String what, Predicate<String> matches) {
        AtomicReference<String> found = new AtomicReference<>();
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            lines.stream().filter(matches).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** Waits until a line contains {@code text}. */
    String awaitContaining(String text) {
        return await("a line containing \"" + text + "\" in " + lines, line -> line.contains(text));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
