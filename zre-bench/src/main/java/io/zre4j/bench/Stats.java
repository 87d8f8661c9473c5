package io.zre4j.bench;

import java.util.List;

/** Small statistics over samples. */
final class Stats {

    private Stats() {
    }

    /**
     * The median (the mean of the two middle values for an even count).
     *
     * @param samples at least one value
     * @return the median
     */
    static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
