package io.zre4j.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How much to measure. The short profile keeps the benchmarks' own {@code @Fork/@Warmup/@Measurement/@Param}
 * annotations and takes a few minutes on 2 cores; the quick profile only proves that every benchmark still
 * runs (in-process, one short iteration, small clusters) and takes seconds. Neither asserts speed.
 *
 * @param name                 {@code short} or {@code quick}
 * @param quick                whether JMH's settings are cut down
 * @param discoveryNodes       cluster sizes for discovery convergence
 * @param discoveryRepetitions fresh clusters measured per size (the median is reported)
 * @param beaconInterval       beacon interval of the discovery clusters
 * @param simulations          simulated scenarios to time
 */
public record BenchProfile(String name, boolean quick, List<Integer> discoveryNodes, int discoveryRepetitions,
        Duration beaconInterval, List<SimulationCase> simulations) {

    /**
     * One simulated scenario to time.
     *
     * @param nodes       how many nodes
     * @param wallLimitS  the wall-time target in seconds, or null for none
     */
    public record SimulationCase(int nodes, Double wallLimitS) {
    }

    /** Copies the lists. */
    public BenchProfile {
        discoveryNodes = List.copyOf(discoveryNodes);
        simulations = List.copyOf(simulations);
    }

    /**
     * The short profile: what the README's table comes from.
     *
     * @return the profile
     */
    public static BenchProfile shortProfile() {
        return new BenchProfile("short", false, List.of(5, 20), 3, Duration.ofSeconds(1),
                List.of(new SimulationCase(100, 5.0), new SimulationCase(1000, 60.0)));
    }

    /**
     * The smoke profile of {@code mvn verify}: every benchmark once, briefly.
     *
     * @return the profile
     */
    public static BenchProfile quickProfile() {
        return new BenchProfile("quick", true, List.of(3), 1, Duration.ofMillis(100),
                List.of(new SimulationCase(10, null)));
    }

    /**
     * Applies the profile to a JMH run: nothing for the short profile (the annotations rule); in-process, no
     * warm-up and one 100 ms iteration for the quick one.
     *
     * @param options the run's options
     * @return the same builder
     */
    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        }
        return options;
    }

    /**
     * Parameter overrides for the loopback benchmarks: small clusters and fast beacons in the quick profile.
     *
     * @return parameter name to values
     */
    Map<String, String[]> loopbackParams() {
        return quick ? Map.of("peers", new String[] {"3"}, "beaconIntervalMs", new String[] {"100"}) : Map.of();
    }
}
