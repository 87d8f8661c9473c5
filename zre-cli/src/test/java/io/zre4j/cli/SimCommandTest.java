package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code zre4j sim}: a seeded simulation, its summary and its reproducibility. */
class SimCommandTest {

    private static String hashOf(InProcessCli cli) {
        return cli.out.all().stream().filter(line -> line.strip().startsWith("trace hash")).findFirst().orElseThrow()
                .replaceAll(".*trace hash\\s+", "");
    }

    @Test
    void theSameSeedGivesTheSameTraceHash() {
        InProcessCli first = InProcessCli.run("sim", "--nodes", "6", "--seed", "42");
        InProcessCli second = InProcessCli.run("sim", "--nodes", "6", "--seed", "42");
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(hashOf(first)).matches("[0-9a-f]{64}").isEqualTo(hashOf(second));
    }

    @Test
    void summaryGivesConvergenceInVirtualTimeWallTimeAndTheReplayCommand() {
        InProcessCli cli = InProcessCli.run("sim", "--nodes", "6", "--seed", "7", "--partition", "--crash", "2");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out.toString()).contains("zre4j sim: 6 nodes, seed 7, partition, 2 crashes",
                "every node knows the 5 others after", "of virtual time", "partition     3 | 3",
                "2 nodes crashed", "wall time", "trace hash",
                "replay        zre4j sim --nodes 6 --seed 7 --partition --crash 2");
    }

    @Test
    void traceOptionPrintsOneLinePerEventBeforeTheSummary() {
        InProcessCli cli = InProcessCli.run("sim", "--nodes", "2", "--seed", "1", "--trace");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out.all()).filteredOn(line -> line.contains(" ENTER ")).hasSize(2);
    }
}
