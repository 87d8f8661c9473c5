package io.zre4j.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of one JMH run, looked up by benchmark method and parameter values.
 */
final class JmhResults {

    /** JMH's GC profiler: bytes allocated per operation. */
    static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private final List<RunResult> results;

    JmhResults(Collection<RunResult> results) {
        this.results = List.copyOf(results);
    }

    /**
     * These results and another run's together.
     *
     * @param other the other run's results
     * @return the union
     */
    JmhResults plus(JmhResults other) {
        List<RunResult> all = new ArrayList<>(results);
        all.addAll(other.results);
        return new JmhResults(all);
    }

    /**
     * The result of one benchmark method with the given parameters.
     *
     * @param benchmark the benchmark class
     * @param method    the method
     * @param params    parameter values the result must have (others may differ)
     * @return the result, or empty if that benchmark did not run or failed
     */
    Optional<RunResult> find(Class<?> benchmark, String method, Map<String, String> params) {
        String name = benchmark.getName() + "." + method;
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().equals(name) && matches(result, params)) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(RunResult result, Map<String, String> params) {
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().equals(result.getParams().getParam(param.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values a parameter took in the results of a benchmark class, in numeric order when they are numbers.
     *
     * @param benchmark the benchmark class
     * @param param     the parameter
     * @return the values
     */
    List<String> paramValues(Class<?> benchmark, String param) {
        TreeSet<String> values = new TreeSet<>((a, b) -> {
            try {
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        });
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().startsWith(benchmark.getName() + ".")) {
                String value = result.getParams().getParam(param);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return new ArrayList<>(values);
    }

    /**
     * A secondary result by name; JMH has spelt some names with a leading {@code ·}, so the end of the name is
     * what must match.
     *
     * @param result the run result
     * @param name   e.g. {@link #ALLOCATION_PER_OP}
     * @return its score, or empty
     */
    static Optional<Double> secondary(RunResult result, String name) {
        // JMH declares the map with the raw Result type: look up by key so no raw type is written here.
        for (String key : result.getSecondaryResults().keySet()) {
            if (key.equals(name) || key.endsWith("·" + name)) {
                return Optional.of(result.getSecondaryResults().get(key).getScore());
            }
        }
        return Optional.empty();
    }

    /**
     * The primary score of a result.
     *
     * @param result the run result
     * @return its score
     */
    static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    /**
     * The primary score's error margin (99.9 %), NaN when JMH had too few iterations to compute one.
     *
     * @param result the run result
     * @return the half-width of the confidence interval
     */
    static double error(RunResult result) {
        return result.getPrimaryResult().getScoreError();
    }
}
