package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line itself: help, version, and bad input that gives one clear line and exit code 2. */
class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        InProcessCli cli = InProcessCli.run("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out.toString()).contains("Usage: zre4j", "chat", "monitor", "demo", "sim", "node");
    }

    @Test
    void helpOfACommandListsItsOptions() {
        InProcessCli cli = InProcessCli.run("node", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out.toString()).contains("Usage: zre4j node", "--json", "--name", "--uuid", "--group", "--header",
                "--interface", "--port", "--interval", "--evasive", "--expired", "--verbose", "--version");
    }

    @Test
    void versionNamesTheProjectVersion() {
        InProcessCli cli = InProcessCli.run("--version");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out.all().get(0)).matches("zre4j \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noCommandIsAUsageError() {
        InProcessCli cli = InProcessCli.run();
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err.all()).singleElement().asString().startsWith("zre4j: missing command");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            node --interval 5x                      | Invalid value for option '--interval': '5x' is not a duration
            node --expired 0                        | Invalid value for option '--expired': '0' is not a positive duration
            node --port abc                         | Invalid value for option '--port': 'abc' is not an int
            node --port 70000                       | Invalid value for option '--port': must be 1 to 65535, got 70000
            node --uuid xyz                         | Invalid value for option '--uuid': 'xyz' is not a uuid
            node --header novalue                   | Invalid value for option '--header': 'novalue' is not KEY=VALUE
            node --header k=1 --header k=2          | Invalid value for option '--header': header 'k' is given twice
            node --interface nosuch0                | Invalid value for option '--interface': no network interface matches
            node --evasive 10s --expired 5s         | Invalid timeouts: --evasive (10s) must be shorter than --expired (5s)
            node --nmae bob                         | Unknown options: '--nmae', 'bob'
            chat --name ''                          | invalid options: name must be 1 to 255 UTF-8 bytes
            monitor --until-peers 0                 | --until-peers >= 1
            demo --nodes 2                          | Invalid value for option '--nodes': must be 3 to 20, got 2
            sim --nodes 5 --crash 5                 | Invalid value for option '--crash': must be 0 to 4
            frobnicate                              | Unmatched argument at index 0: 'frobnicate'
            """)
    void badCommandLineGivesOneClearLineAndExitCodeTwo(String arguments, String message) {
        InProcessCli cli = InProcessCli.run(onLoopback(split(arguments)));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err.all()).singleElement().asString().startsWith("zre4j").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out.all()).isEmpty();
    }

    /** A command that runs a node gets interface lo and a free port unless the case sets them itself. */
    private static String[] onLoopback(String[] arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (List.of("node", "chat", "monitor").contains(all.get(0))) {
            if (!all.contains("--interface")) {
                all.addAll(List.of("--interface", "lo"));
            }
            if (!all.contains("--port")) {
                all.addAll(List.of("--port", Integer.toString(LoopbackPorts.freeUdpPort())));
            }
        }
        return all.toArray(String[]::new);
    }

    /** Splits on spaces; '' is an empty argument. */
    private static String[] split(String arguments) {
        return Arrays.stream(arguments.trim().split("\\s+")).map(word -> word.equals("''") ? "" : word)
                .toArray(String[]::new);
    }
}
