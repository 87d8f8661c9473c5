package io.zre4j.bench;

import io.zre4j.bench.engine.EngineFanoutBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.results.RunResult;

/**
 * Engine rows: the CPU cost per delivered message of one SHOUT through the real engine to N peers, with no
 * I/O, against the same fan-out written out by hand.
 */
final class EngineSuite implements Suite {

    private static final String SUITE = "engine";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String baselineLegend() {
        return "engine: the same fan-out by hand (per peer: copy the encoded header, patch its sequence, build the "
                + "frame list, hand it to the same no-op transport)";
    }

    @Override
    public List<Row> run(BenchProfile profile) {
        JmhResults results = Jmh.run(profile, UnaryOperator.identity(), EngineFanoutBenchmark.class);
        List<Row> rows = new ArrayList<>();
        List<String> sizes = results.paramValues(EngineFanoutBenchmark.class, "peers");
        if (sizes.isEmpty()) {
            rows.add(Row.error(SUITE, "shout fan-out", Target.none(), "no JMH result (see the JMH output above)"));
        }
        for (String peers : sizes) {
            String name = "shout fan-out to " + peers + " peers";
            Optional<RunResult> shout = results.find(EngineFanoutBenchmark.class, "shout", Map.of("peers", peers));
            Optional<RunResult> raw = results.find(EngineFanoutBenchmark.class, "rawFanout", Map.of("peers", peers));
            if (shout.isEmpty() || raw.isEmpty()) {
                rows.add(Row.error(SUITE, name, Target.none(), "no JMH result (see the JMH output above)"));
                continue;
            }
            int count = Integer.parseInt(peers);
            double perMessage = JmhResults.score(shout.get()) / count;
            double rawPerMessage = JmhResults.score(raw.get()) / count;
            rows.add(Row.measured(SUITE, name, perMessage, "ns/msg", rawPerMessage, "hand-written fan-out",
                    Target.none(), Map.of("nsPerShout", JmhResults.score(shout.get()),
                            "nsPerShoutError", JmhResults.error(shout.get()),
                            "baselineNsPerShout", JmhResults.score(raw.get()))));
        }
        return rows;
    }
}
