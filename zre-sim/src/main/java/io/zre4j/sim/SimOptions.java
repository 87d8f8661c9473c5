package io.zre4j.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults and delays of a simulated network, as plain values. Everything random is drawn from the
 * simulation's seed, so the same options and seed give the same run.
 *
 * @param latency            one-way delay of every message and beacon
 * @param jitter             extra delay, uniformly random in [0, jitter); links still deliver in order
 * @param beaconLoss         probability that one receiver misses one beacon (0 to 1)
 * @param beaconDuplication  probability that one receiver hears one beacon twice (0 to 1)
 */
public record SimOptions(Duration latency, Duration jitter, double beaconLoss, double beaconDuplication) {

    /** Checks the values. */
    public SimOptions {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative");
        }
        checkProbability("beaconLoss", beaconLoss);
        checkProbability("beaconDuplication", beaconDuplication);
    }

    /**
     * A quiet LAN: 1 ms latency, 1 ms jitter, no beacon loss.
     *
     * @return the default options
     */
    public static SimOptions lan() {
        return new SimOptions(Duration.ofMillis(1), Duration.ofMillis(1), 0, 0);
    }

    /**
     * A flaky Wi-Fi: 5 ms latency, 20 ms jitter, 20 % beacon loss, 5 % duplicated beacons.
     *
     * @return the options
     */
    public static SimOptions flakyWifi() {
        return new SimOptions(Duration.ofMillis(5), Duration.ofMillis(20), 0.2, 0.05);
    }

    /**
     * These options with another beacon loss.
     *
     * @param probability 0 to 1
     * @return the changed options
     */
    public SimOptions withBeaconLoss(double probability) {
        return new SimOptions(latency, jitter, probability, beaconDuplication);
    }

    /**
     * These options with another latency and jitter.
     *
     * @param latency the one-way delay
     * @param jitter  the extra random delay bound
     * @return the changed options
     */
    public SimOptions withLatency(Duration latency, Duration jitter) {
        return new SimOptions(latency, jitter, beaconLoss, beaconDuplication);
    }

    private static void checkProbability(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + value);
        }
    }
}
