package io.zre4j.cli;

import io.zre4j.ZreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads commands from stdin, one a line, until the end of input or until a command says to stop. A command
 * that fails (unknown, malformed, an unknown peer, a bad group name) is reported on stderr as
 * {@code error: ...} and the loop goes on: a typo must not end a chat or a script's node.
 */
final class InputLoop {

    /** Handles one line. */
    @FunctionalInterface
    interface LineHandler {
        /**
         * Handles a line.
         *
         * @param line the line, without its line break
         * @return false to stop reading
         */
        boolean handle(String line);
    }

    private InputLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param in      stdin, read as UTF-8
     * @param err     where failed commands are reported
     * @param handler handles each line
     */
    static void run(InputStream in, PrintWriter err, LineHandler handler) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                try {
                    if (!handler.handle(line)) {
                        return;
                    }
                } catch (IllegalArgumentException | IllegalStateException | ZreException e) {
                    synchronized (err) {
                        err.println("error: " + e.getMessage());
                        err.flush();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
    }
}
