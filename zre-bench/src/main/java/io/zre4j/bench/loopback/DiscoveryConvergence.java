package io.zre4j.bench.loopback;

import java.time.Duration;

/**
 * How long N real nodes on loopback take to find each other: from the moment the first is started to the
 * moment every node knows every other one (checked every 5 ms). Starting the nodes is part of the time, as it
 * is for an application; {@link Sample#sinceLastStart()} leaves it out. A plain timed run, not JMH: each
 * sample is seconds long and needs fresh nodes.
 */
public final class DiscoveryConvergence {

    /**
     * One measurement.
     *
     * @param sinceFirstStart from the first {@code start()} call to full membership
     * @param sinceLastStart  from the return of the last {@code start()} call to full membership
     */
    public record Sample(Duration sinceFirstStart, Duration sinceLastStart) {
    }

    private DiscoveryConvergence() {
    }

    /**
     * Starts {@code nodes} nodes on a fresh beacon port, waits for full membership, and closes them.
     *
     * @param nodes          how many nodes
     * @param beaconInterval their beacon interval
     * @return the sample
     * @throws IllegalStateException if membership does not converge within 30 intervals plus 10 s
     */
    public static Sample measure(int nodes, Duration beaconInterval) {
        try (LoopbackNodes cluster = LoopbackNodes.build(nodes, beaconInterval, i -> String.format("disc-%02d", i))) {
            long firstStartNs = System.nanoTime();
            cluster.startAll();
            long lastStartNs = System.nanoTime();
            cluster.awaitFullMesh(beaconInterval.multipliedBy(30).plusSeconds(10));
            long convergedNs = System.nanoTime();
            return new Sample(Duration.ofNanos(convergedNs - firstStartNs), Duration.ofNanos(convergedNs - lastStartNs));
        }
    }
}
