package io.zre4j.bench;

import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs JMH benchmark classes through JMH's Runner API. */
final class Jmh {

    private Jmh() {
    }

    /**
     * Runs every benchmark method of the given classes. A benchmark that throws does not stop the others: it
     * is simply missing from the results (JMH prints why).
     *
     * @param profile    the profile (quick runs in-process and silently)
     * @param customise  suite-specific options (profilers, parameter overrides)
     * @param benchmarks the benchmark classes
     * @return the results
     * @throws IllegalStateException if JMH cannot run at all (e.g. its generated benchmark list is missing)
     */
    static JmhResults run(BenchProfile profile, UnaryOperator<ChainedOptionsBuilder> customise, Class<?>... benchmarks) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .shouldFailOnError(false)
                .verbosity(profile.quick() ? VerboseMode.SILENT : VerboseMode.NORMAL);
        for (Class<?> benchmark : benchmarks) {
            options.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
        }
        profile.applyTo(options);
        customise.apply(options);
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            return new JmhResults(results);
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH could not run " + benchmarks.length + " benchmark classes", e);
        }
    }
}
