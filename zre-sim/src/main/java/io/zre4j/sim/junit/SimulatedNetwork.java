package io.zre4j.sim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test against a fresh {@link io.zre4j.sim.SimNetwork}, injected as a test method parameter, with
 * {@link #nodes()} nodes already started. On failure the seed, the command to replay it, and the tail of
 * the trace are printed. {@code -Dzre.sim.seed=N} replays any seed.
 *
 * <pre>{@code
 * @Test
 * @SimulatedNetwork(nodes = 100, seed = 7)
 * void everyoneMeetsEveryone(SimNetwork net) {
 *     net.awaitConvergence(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(SimulationExtension.class)
public @interface SimulatedNetwork {

    /**
     * How many nodes to start before the test (named n000, n001, ...).
     *
     * @return the node count
     */
    int nodes() default 0;

    /**
     * The seed; overridden by the system property {@code zre.sim.seed}.
     *
     * @return the seed
     */
    long seed() default 1;

    /**
     * One-way latency in milliseconds.
     *
     * @return the latency
     */
    long latencyMillis() default 1;

    /**
     * Jitter bound in milliseconds.
     *
     * @return the jitter
     */
    long jitterMillis() default 1;

    /**
     * Probability that a receiver misses a beacon.
     *
     * @return 0 to 1
     */
    double beaconLoss() default 0;

    /**
     * Keep the whole trace in memory instead of its tail.
     *
     * @return true to keep every line
     */
    boolean fullTrace() default false;
}
