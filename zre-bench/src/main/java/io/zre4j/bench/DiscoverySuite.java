package io.zre4j.bench;

import io.zre4j.bench.loopback.DiscoveryConvergence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery rows: time from the first node's start to full membership of N real nodes on loopback, against
 * the beacon interval (the ratio is the time in intervals). The median of several fresh clusters.
 */
final class DiscoverySuite implements Suite {

    private static final String SUITE = "discovery";
    private static final Target TWO_INTERVALS = Target.ratioAtMost(2.0);

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String baselineLegend() {
        return "discovery: the beacon interval (the ratio is the convergence time in beacon intervals, measured from "
                + "the first start() call, so node start-up counts)";
    }

    @Override
    public List<Row> run(BenchProfile profile) {
        List<Row> rows = new ArrayList<>();
        double intervalMs = profile.beaconInterval().toNanos() / 1e6;
        for (int nodes : profile.discoveryNodes()) {
            String name = "convergence of " + nodes + " nodes";
            try {
                List<Double> sinceFirst = new ArrayList<>();
                List<Double> sinceLast = new ArrayList<>();
                for (int i = 0; i < profile.discoveryRepetitions(); i++) {
                    DiscoveryConvergence.Sample sample = DiscoveryConvergence.measure(nodes, profile.beaconInterval());
                    sinceFirst.add(sample.sinceFirstStart().toNanos() / 1e6);
                    sinceLast.add(sample.sinceLastStart().toNanos() / 1e6);
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("samplesMs", sinceFirst);
                details.put("sinceLastStartMs", sinceLast);
                rows.add(Row.measured(SUITE, name, Stats.median(sinceFirst), "ms", intervalMs, "beacon interval",
                        TWO_INTERVALS, details));
            } catch (RuntimeException e) {
                rows.add(Row.error(SUITE, name, TWO_INTERVALS, e.toString()));
            }
        }
        return rows;
    }
}
