package io.zre4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code zre4j} command: chat, monitor, demo, sim and node. Run it with {@code ./zre4j} at the top of
 * the repository, or {@code java -jar zre4j.jar}.
 *
 * <p>Exit codes: 0 on success, 1 when a command fails at run time (e.g. the network cannot be used), 2 for
 * a bad command line (one line on stderr, never a stack trace).
 */
@Command(name = "zre4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "ZRE (ZeroMQ Realtime Exchange) for Java: discover peers on the local network, "
                + "join groups, shout and whisper. Speaks the same protocol as Zyre and Pyre.",
        subcommands = {ChatCommand.class, MonitorCommand.class, DemoCommand.class, SimCommand.class,
            NodeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Try it on one machine:   zre4j demo",
            "Chat on a LAN:           zre4j chat --name alice",
            "                         zre4j chat --name bob      (on another machine)",
            "Details of a command:    zre4j help COMMAND"})
public final class Main implements Runnable {

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    private Main(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: JSON lines and chat text must survive a POSIX locale.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(System.in, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The command line with its streams, ready to {@link CommandLine#execute execute}; tests run commands in
     * process with it.
     *
     * @param stdin what {@code chat} and {@code node} read their input from
     * @param out   standard output: chat, tables, JSON lines
     * @param err   standard error: errors and logs
     * @return the command line
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main(stdin));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler(Main::failure);
        return commandLine;
    }

    /** The standard input handed to this command line. */
    InputStream stdin() {
        return stdin;
    }

    /** {@code zre4j} alone: a usage error that names the commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of chat, monitor, demo, sim, node");
    }

    /** One line on stderr, no usage dump, exit code 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": ").append(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.append(" - see '").append(name).append(" --help'");
        commandLine.getErr().println(line);
        commandLine.getErr().flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A failure at run time: its message on one line (the stack trace too with --verbose), exit code 1. */
    private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
        if (CommonOptions.requested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /** {@code --version}: the project version (from the build) and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"zre4j " + projectVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor", "unknown vendor") + ")"};
        }

        static String projectVersion() {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
