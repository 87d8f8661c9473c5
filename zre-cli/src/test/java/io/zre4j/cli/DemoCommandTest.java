package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code zre4j demo}: real nodes on loopback, run to the summary. */
class DemoCommandTest {

    @Test
    void demoRunsEveryStepToItsSummaryAndExitsByItself() {
        InProcessCli cli = InProcessCli.run("demo", "--nodes", "3");
        assertThat(cli.exitCode()).as("exit code; output:\n%s\nstderr:\n%s", cli.out, cli.err).isZero();
        String out = cli.out.toString();
        assertThat(out).contains("interface lo", "ok: every node knows the 2 others", "ok: ada got the whisper",
                "ok: every running node saw cleo EXIT at once", "ok: every running node saw bob turn EVASIVE",
                "Demo complete");
        assertThat(cli.out.all()).anySatisfy(line -> assertThat(line).startsWith("cleo ").contains("left politely"))
                .anySatisfy(line -> assertThat(line).startsWith("bob ").contains("vanished"));
    }
}
