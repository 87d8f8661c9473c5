package io.zre4j.bench;

import java.util.Locale;

/**
 * What a benchmark row must achieve, if anything: a bound on its ratio to the baseline, or on its score.
 */
public sealed interface Target {

    /**
     * The target as the table shows it.
     *
     * @return e.g. {@code ratio >= 0.90}
     */
    String describe();

    /**
     * Whether a row meets the target.
     *
     * @param score the row's score
     * @param ratio the row's ratio, or null when there is no baseline
     * @return the verdict
     */
    Row.Verdict judge(double score, Double ratio);

    /**
     * No target: the row is information.
     *
     * @return the absent target
     */
    static Target none() {
        return new None();
    }

    /**
     * The ratio must be at least {@code bound} (e.g. a throughput against the ceiling's).
     *
     * @param bound the lowest acceptable ratio
     * @return the target
     */
    static Target ratioAtLeast(double bound) {
        return new RatioAtLeast(bound);
    }

    /**
     * The ratio must be at most {@code bound} (e.g. a cost against the ceiling's).
     *
     * @param bound the highest acceptable ratio
     * @return the target
     */
    static Target ratioAtMost(double bound) {
        return new RatioAtMost(bound);
    }

    /**
     * The score itself must be at most {@code bound}.
     *
     * @param bound the highest acceptable score
     * @param unit  the score's unit, for the description
     * @return the target
     */
    static Target scoreAtMost(double bound, String unit) {
        return new ScoreAtMost(bound, unit);
    }

    /** No target. */
    record None() implements Target {
        @Override
        public String describe() {
            return "-";
        }

        @Override
        public Row.Verdict judge(double score, Double ratio) {
            return Row.Verdict.INFO;
        }
    }

    /** A lower bound on the ratio. */
    record RatioAtLeast(double bound) implements Target {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "ratio >= %.2f", bound);
        }

        @Override
        public Row.Verdict judge(double score, Double ratio) {
            return ratio != null && ratio >= bound ? Row.Verdict.PASS : Row.Verdict.FAIL;
        }
    }

    /** An upper bound on the ratio. */
    record RatioAtMost(double bound) implements Target {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "ratio <= %.2f", bound);
        }

        @Override
        public Row.Verdict judge(double score, Double ratio) {
            return ratio != null && ratio <= bound ? Row.Verdict.PASS : Row.Verdict.FAIL;
        }
    }

    /** An upper bound on the score. */
    record ScoreAtMost(double bound, String unit) implements Target {
        @Override
        public String describe() {
            return "score <= " + Row.format(bound) + " " + unit;
        }

        @Override
        public Row.Verdict judge(double score, Double ratio) {
            return score <= bound ? Row.Verdict.PASS : Row.Verdict.FAIL;
        }
    }
}
