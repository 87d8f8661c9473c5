package io.zre4j.bench;

import io.zre4j.bench.codec.CodecBenchmark;
import io.zre4j.bench.codec.MessageKind;
import io.zre4j.bench.codec.ShoutHeaderBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;

/**
 * Codec rows: encode and decode time of every message kind against a copy of its header frame, decode
 * allocation of the content-carrying kinds against their content size, and the SHOUT header round trip with
 * its absolute target.
 */
final class CodecSuite implements Suite {

    private static final String SUITE = "codec";
    private static final String COPY = "header.clone()";
    /** Decode+encode of a SHOUT header frame at 10 million per second per core. */
    private static final Target ROUND_TRIP = Target.scoreAtMost(100, "ns/op");
    /** "A small constant beyond the payload": 256 bytes, four cache lines, whatever the content size. */
    private static final Target DECODE_ALLOCATION = Target.scoreAtMost(256, "B/op");

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String baselineLegend() {
        return "codec: a clone() of the same header frame (a copy with no parsing: a ceiling no codec reaches); "
                + "allocation rows: the content bytes a copying decoder would add";
    }

    @Override
    public List<Row> run(BenchProfile profile) {
        // One JMH run per message kind, so that each kind's baseline is measured right beside its encode and
        // decode (a single run would measure every baseline first and every encode a minute later).
        JmhResults results = Jmh.run(profile, options -> options.addProfiler(GCProfiler.class), ShoutHeaderBenchmark.class);
        for (MessageKind kind : MessageKind.values()) {
            results = results.plus(Jmh.run(profile,
                    options -> options.addProfiler(GCProfiler.class).param("kind", kind.name()), CodecBenchmark.class));
        }
        List<Row> rows = new ArrayList<>();
        rows.add(roundTrip(results));
        for (MessageKind kind : MessageKind.values()) {
            Map<String, String> params = Map.of("kind", kind.name());
            Optional<RunResult> copy = results.find(CodecBenchmark.class, "copyHeader", params);
            for (String method : List.of("encode", "decode")) {
                rows.add(timeRow(method + " " + kind, results.find(CodecBenchmark.class, method, params), copy));
            }
        }
        for (MessageKind kind : MessageKind.values()) {
            if (kind.hasContent()) {
                rows.add(allocationRow(kind, results.find(CodecBenchmark.class, "decode", Map.of("kind", kind.name()))));
            }
        }
        return rows;
    }

    private static Row roundTrip(JmhResults results) {
        String name = "decode+encode SHOUT header";
        Optional<RunResult> measured = results.find(ShoutHeaderBenchmark.class, "decodeEncode", Map.of());
        Optional<RunResult> copy = results.find(ShoutHeaderBenchmark.class, "copyHeader", Map.of());
        if (measured.isEmpty() || copy.isEmpty()) {
            return Row.error(SUITE, name, ROUND_TRIP, "no JMH result (see the JMH output above)");
        }
        double nsPerOp = JmhResults.score(measured.get());
        Map<String, Object> details = details(measured.get(), copy.get());
        details.put("millionsPerSecondPerCore", 1_000.0 / nsPerOp);
        return Row.measured(SUITE, name, nsPerOp, "ns/op", JmhResults.score(copy.get()), COPY, ROUND_TRIP, details);
    }

    private static Row timeRow(String name, Optional<RunResult> measured, Optional<RunResult> copy) {
        if (measured.isEmpty() || copy.isEmpty()) {
            return Row.error(SUITE, name, Target.none(), "no JMH result (see the JMH output above)");
        }
        return Row.measured(SUITE, name, JmhResults.score(measured.get()), "ns/op", JmhResults.score(copy.get()), COPY,
                Target.none(), details(measured.get(), copy.get()));
    }

    private static Row allocationRow(MessageKind kind, Optional<RunResult> decode) {
        String name = "decode allocation " + kind;
        Optional<Double> bytes = decode.flatMap(result -> JmhResults.secondary(result, JmhResults.ALLOCATION_PER_OP));
        if (bytes.isEmpty()) {
            return Row.error(SUITE, name, DECODE_ALLOCATION, "no GC profiler result (see the JMH output above)");
        }
        return Row.measured(SUITE, name, bytes.get(), "B/op", (double) kind.payloadBytes(), "content bytes",
                DECODE_ALLOCATION, Map.of());
    }

    private static Map<String, Object> details(RunResult measured, RunResult copy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", JmhResults.error(measured));
        details.put("baselineError", JmhResults.error(copy));
        JmhResults.secondary(measured, JmhResults.ALLOCATION_PER_OP).ifPresent(bytes -> details.put("allocatedBytesPerOp", bytes));
        JmhResults.secondary(copy, JmhResults.ALLOCATION_PER_OP)
                .ifPresent(bytes -> details.put("baselineAllocatedBytesPerOp", bytes));
        return details;
    }
}
