package io.zre4j.bench;

import io.zre4j.bench.loopback.LoopbackFanoutBenchmark;
import io.zre4j.bench.loopback.LoopbackWhisperBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;

/**
 * Real-stack rows: whisper throughput between two nodes and the cost of a SHOUT to N nodes, on loopback, each
 * paired burst by burst with raw JeroMQ carrying the same frames; and the process CPU time per delivered
 * message on each side, which a shared machine disturbs much less than wall time.
 */
final class LoopbackSuite implements Suite {

    private static final String SUITE = "loopback";
    /** Whispers per second that Zyre C (libzmq) delivers on this 2-core machine, as the issue reports it. */
    static final double ZYRE_C_WHISPERS_PER_SECOND = 125_000;
    private static final Target WHISPER = Target.ratioAtLeast(0.9);
    private static final Target FANOUT = Target.ratioAtMost(1.2);
    private static final Target TWICE_ZYRE = Target.ratioAtLeast(2.0);
    private static final String METHOD = "pairedBursts";
    private static final String NO_RESULT = "no JMH result (see the JMH output above)";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String baselineLegend() {
        return "loopback: raw JeroMQ DEALER->ROUTER links on 127.0.0.1 carrying the same frames, burst for burst "
                + "alternating with the ZRE bursts in the same JVM (fan-out: N raw sends per shout); CPU rows: process "
                + "CPU time per delivered message, all threads; \"vs Zyre C\": 125 k whispers/s, Zyre's figure on "
                + "this machine as given in the issue, NOT measured in this run";
    }

    @Override
    public List<Row> run(BenchProfile profile) {
        Map<String, String[]> params = profile.loopbackParams();
        JmhResults results = Jmh.run(profile, options -> {
            params.forEach(options::param);
            return options;
        }, LoopbackWhisperBenchmark.class, LoopbackFanoutBenchmark.class);
        List<Row> rows = new ArrayList<>();
        for (String payload : results.paramValues(LoopbackWhisperBenchmark.class, "payloadBytes")) {
            rows.addAll(whisperRows(payload, results.find(LoopbackWhisperBenchmark.class, METHOD,
                    Map.of("payloadBytes", payload))));
        }
        for (String peers : results.paramValues(LoopbackFanoutBenchmark.class, "peers")) {
            rows.addAll(fanoutRows(peers, results.find(LoopbackFanoutBenchmark.class, METHOD, Map.of("peers", peers))));
        }
        if (rows.isEmpty()) {
            rows.add(Row.error(SUITE, "whisper and fan-out", WHISPER, NO_RESULT));
        }
        return rows;
    }

    private static List<Row> whisperRows(String payload, Optional<RunResult> result) {
        String name = "whisper " + payload + " B";
        Optional<Paired> paired = result.flatMap(Paired::of);
        if (paired.isEmpty()) {
            return List.of(Row.error(SUITE, name, WHISPER, NO_RESULT));
        }
        Paired p = paired.get();
        double perSecond = p.messages / p.zreNs * 1e9;
        List<Row> rows = new ArrayList<>();
        rows.add(p.checkRefusals(Row.measured(SUITE, name, perSecond, "msg/s", p.messages / p.rawNs * 1e9,
                "raw JeroMQ", WHISPER, p.details())));
        if ("64".equals(payload)) {
            rows.add(Row.measured(SUITE, name + " vs Zyre C", perSecond, "msg/s", ZYRE_C_WHISPERS_PER_SECOND,
                    "Zyre C, reference not measured", TWICE_ZYRE, Map.of()));
        }
        rows.add(p.cpuRow(name + " CPU"));
        return rows;
    }

    private static List<Row> fanoutRows(String peers, Optional<RunResult> result) {
        String name = "shout fan-out to " + peers + " nodes";
        Optional<Paired> paired = result.flatMap(Paired::of);
        if (paired.isEmpty()) {
            return List.of(Row.error(SUITE, name, FANOUT, NO_RESULT));
        }
        Paired p = paired.get();
        return List.of(
                p.checkRefusals(Row.measured(SUITE, name, p.zreNs / p.messages / 1e3, "us/shout",
                        p.rawNs / p.messages / 1e3, peers + " raw sends", FANOUT, p.details())),
                p.cpuRow(name + " CPU"));
    }

    /** The secondary results of a paired benchmark (see PairStats). */
    private record Paired(double zreNs, double rawNs, double zreCpuNs, double rawCpuNs, double messages,
            double deliveries, double sendsRefused) {

        static Optional<Paired> of(RunResult result) {
            double messages = aux(result, "messages");
            if (!(messages > 0)) {
                return Optional.empty();
            }
            return Optional.of(new Paired(aux(result, "zreNs"), aux(result, "rawNs"), aux(result, "zreCpuNs"),
                    aux(result, "rawCpuNs"), messages, aux(result, "deliveries"), aux(result, "sendsRefused")));
        }

        private static double aux(RunResult result, String name) {
            return JmhResults.secondary(result, name).orElse(Double.NaN);
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("messagesPerSide", (long) messages);
            details.put("deliveriesPerSide", (long) deliveries);
            details.put("sendsRefused", sendsRefused);
            details.put("zreCpuNsPerDelivery", zreCpuNs / deliveries);
            details.put("rawCpuNsPerDelivery", rawCpuNs / deliveries);
            details.put("zreCpuCoresBusy", zreCpuNs / zreNs);
            details.put("rawCpuCoresBusy", rawCpuNs / rawNs);
            return details;
        }

        Row cpuRow(String name) {
            return Row.measured(SUITE, name, zreCpuNs / deliveries, "ns CPU/msg", rawCpuNs / deliveries,
                    "raw JeroMQ", Target.none(), Map.of());
        }

        /** The sender must not drop: a refused send fails the row whatever its speed. */
        Row checkRefusals(Row row) {
            if (Double.isNaN(sendsRefused) || sendsRefused > 0) {
                return row.withVerdict(Row.Verdict.FAIL, Double.isNaN(sendsRefused) ? "SENDS_REFUSED was not reported"
                        : "the sender refused " + (long) sendsRefused + " sends (SENDS_REFUSED > 0)");
            }
            return row;
        }
    }
}
