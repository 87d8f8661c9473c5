package io.zre4j.bench;

import io.zre4j.bench.sim.SimulationWallTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simulation rows: wall time of the N-node scenario against the virtual time it covers (the ratio is wall
 * seconds per simulated second); the targets bound the wall time itself.
 */
final class SimulationSuite implements Suite {

    private static final String SUITE = "simulation";
    /** The seed of the simulator's own 100-node CI scenario. */
    private static final long SEED = 20261127;

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String baselineLegend() {
        return "simulation: the virtual time the scenario covers (the ratio is wall seconds per simulated second)";
    }

    @Override
    public List<Row> run(BenchProfile profile) {
        List<Row> rows = new ArrayList<>();
        for (BenchProfile.SimulationCase simulation : profile.simulations()) {
            String name = simulation.nodes() + "-node scenario";
            Target target = simulation.wallLimitS() == null ? Target.none() : Target.scoreAtMost(simulation.wallLimitS(), "s");
            try {
                SimulationWallTime.Run run = SimulationWallTime.run(simulation.nodes(), SEED);
                rows.add(Row.measured(SUITE, name, run.wall().toNanos() / 1e9, "s", run.virtual().toNanos() / 1e9,
                        "virtual time", target, Map.of("steps", run.steps(), "seed", SEED)));
            } catch (RuntimeException | OutOfMemoryError e) {
                rows.add(Row.error(SUITE, name, target, e.toString()));
            }
        }
        return rows;
    }
}
