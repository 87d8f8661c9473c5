package io.zre4j.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the report: a score, the baseline it is compared with (measured in the same run, except where
 * {@code baselineName} says otherwise), their ratio, the target and the verdict.
 *
 * @param suite        which suite measured it (codec, engine, loopback, discovery, simulation)
 * @param benchmark    what was measured, e.g. {@code whisper 64 B}
 * @param score        the measurement
 * @param unit         its unit
 * @param baseline     the baseline in the same unit, or null when the row has none
 * @param baselineName what the baseline is
 * @param ratio        score divided by baseline, or null
 * @param target       the target, as text
 * @param verdict      whether the target is met
 * @param details      further figures (error margins, allocation, counters), by name
 */
public record Row(String suite, String benchmark, double score, String unit, Double baseline, String baselineName,
        Double ratio, String target, Verdict verdict, Map<String, Object> details) {

    /** The outcome of a row. */
    public enum Verdict {
        /** The target is met. */
        PASS,
        /** The target is missed. */
        FAIL,
        /** No target: information only. */
        INFO,
        /** The benchmark did not produce a result. */
        ERROR
    }

    /** Copies the details so the row stays immutable. */
    public Row {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(benchmark, "benchmark");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * A measured row, judged against its target.
     *
     * @param suite        the suite
     * @param benchmark    what was measured
     * @param score        the score
     * @param unit         its unit
     * @param baseline     the baseline, or null
     * @param baselineName what the baseline is
     * @param target       the target
     * @param details      further figures
     * @return the row
     */
    public static Row measured(String suite, String benchmark, double score, String unit, Double baseline,
            String baselineName, Target target, Map<String, Object> details) {
        Double ratio = baseline == null || baseline == 0 ? null : score / baseline;
        return new Row(suite, benchmark, score, unit, baseline, baselineName, ratio, target.describe(),
                target.judge(score, ratio), details);
    }

    /**
     * A row whose benchmark produced no result.
     *
     * @param suite     the suite
     * @param benchmark what should have been measured
     * @param target    the target it had
     * @param why       what went wrong
     * @return the row
     */
    public static Row error(String suite, String benchmark, Target target, String why) {
        return new Row(suite, benchmark, Double.NaN, "", null, "", null, target.describe(), Verdict.ERROR,
                Map.of("error", why));
    }

    /**
     * The same row with another verdict and a reason for it.
     *
     * @param newVerdict the verdict
     * @param reason     why, added to the details as {@code verdictReason}
     * @return the new row
     */
    public Row withVerdict(Verdict newVerdict, String reason) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put("verdictReason", reason);
        return new Row(suite, benchmark, score, unit, baseline, baselineName, ratio, target, newVerdict, more);
    }

    /**
     * A number as the table shows it: three significant digits, thousands grouped.
     *
     * @param value the number
     * @return the text
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        } else if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        } else if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        } else if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
