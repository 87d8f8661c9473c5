package io.zre4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code zre4j} in a child JVM, started on this module's test class path: stdout and stderr are collected
 * line by line, stdin is written line by line.
 */
final class CliProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Lines out = new Lines();
    final Lines err = new Lines();
    private final Process process;
    private final Writer stdin;

    private CliProcess(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", testClassPath(), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // Belt and braces: a node that was not given --interface still stays on loopback.
        builder.environment().put("ZSYS_INTERFACE", "lo");
        process = builder.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), out, "stdout");
        collect(process.getErrorStream(), err, "stderr");
    }

    /** Starts {@code zre4j ARGS...} in a child JVM. */
    static CliProcess start(String... args) {
        try {
            return new CliProcess(List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /** Surefire hands the forked JVM its class path in this property (java.class.path may be a manifest jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static void collect(InputStream stream, Lines lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process ended: nothing more to read.
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes one line to the child's stdin. */
    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the child's stdin is closed; stderr:\n" + err, e);
        }
    }

    /** Closes the child's stdin (end of input). */
    void endInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a JSON line on stdout that matches, and returns it parsed. */
    JsonNode awaitJson(String what, Predicate<JsonNode> matches) {
        String line = out.await(what + "; stdout so far:\n" + out + "\nstderr:\n" + err,
                candidate -> matches.test(parse(candidate)));
        return parse(line);
    }

    /** Waits for the event of {@code type} about the peer called {@code name}. */
    JsonNode awaitEvent(String type, String name) {
        return awaitJson(type + " of " + name, json -> json.path("type").asText().equals(type)
                && json.path("name").asText().equals(name));
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** Waits for the child to exit and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(Lines.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child did not exit; stdout:\n" + out + "\nstderr:\n" + err);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
