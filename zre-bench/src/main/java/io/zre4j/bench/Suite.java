package io.zre4j.bench;

import java.util.List;

/** A group of benchmarks that turns its measurements into report rows. */
interface Suite {

    /**
     * The suite's name, as {@code --only} selects it.
     *
     * @return e.g. {@code codec}
     */
    String name();

    /**
     * What the suite's baselines are, for the legend under the table.
     *
     * @return one sentence
     */
    String baselineLegend();

    /**
     * Runs the suite.
     *
     * @param profile how much to measure
     * @return its rows, an {@link Row.Verdict#ERROR} row for each benchmark that gave no result
     */
    List<Row> run(BenchProfile profile);
}
