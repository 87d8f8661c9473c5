package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code zre4j} command run in this JVM on its own thread, with a stdin the test types into and stdout and
 * stderr captured line by line.
 */
final class InProcessCli implements AutoCloseable {

    final LineInput stdin = new LineInput();
    final Lines out = new Lines();
    final Lines err = new Lines();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private InProcessCli(String... args) {
        thread = new Thread(() -> exit.complete(Main.commandLine(stdin, new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args)), "zre4j-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Interrupts the command's thread (the monitor takes it as a request to end). */
    void interrupt() {
        thread.interrupt();
    }

    /** Starts a command, e.g. {@code start("node", "--json", "--interface", "lo", ...)}. */
    static InProcessCli start(String... args) {
        return new InProcessCli(args);
    }

    /** Runs a command that needs no input to the end and returns it. */
    static InProcessCli run(String... args) {
        InProcessCli cli = new InProcessCli(args);
        cli.stdin.end();
        cli.awaitExit();
        return cli;
    }

    /** Waits for the command to end and returns its exit code. */
    int awaitExit() {
        try {
            return exit.get(Lines.PATIENCE.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the command did not end; stdout:\n" + out + "\nstderr:\n" + err, e);
        }
    }

    /** The exit code of a command that has ended. */
    int exitCode() {
        assertThat(exit).isDone();
        return awaitExit();
    }

    /** Ends stdin and waits for the command to end. */
    @Override
    public void close() {
        stdin.end();
        awaitExit();
    }
}
