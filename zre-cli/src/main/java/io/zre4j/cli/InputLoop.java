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
            for (String line = nextLine(reader); line != null; line = nextLine(reader)) {
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

    /**
     * The next line: up to a line feed, without it and without a carriage return just before it (CRLF). A
     * lone carriage return is text, not a line break (BufferedReader.readLine would split a command there).
     *
     * @return the line, or null at the end of input
     */
    static String nextLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        if (c == -1 && line.length() == 0) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
