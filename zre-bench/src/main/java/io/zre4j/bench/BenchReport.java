package io.zre4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of {@link BenchMain} measured, with the conditions it ran under.
 *
 * @param startedAt   when the run began (ISO-8601, UTC)
 * @param profile     {@code short} or {@code quick}
 * @param jdk         the Java runtime
 * @param os          the operating system
 * @param cpus        processors available to the JVM
 * @param loadBefore  the load averages (1, 5, 15 min) when the run began: the machine is shared
 * @param loadAfter   the load averages when it ended
 * @param durationS   wall time of the whole run, in seconds
 * @param rows        the results
 * @param baselines   what each suite's baseline is
 */
public record BenchReport(String startedAt, String profile, String jdk, String os, int cpus, String loadBefore,
        String loadAfter, double durationS, List<Row> rows, List<String> baselines) {

    /** Copies the lists. */
    public BenchReport {
        rows = List.copyOf(rows);
        baselines = List.copyOf(baselines);
    }

    /**
     * How many rows have a verdict.
     *
     * @param verdict the verdict
     * @return the count
     */
    public long count(Row.Verdict verdict) {
        return rows.stream().filter(row -> row.verdict() == verdict).count();
    }

    /**
     * Writes the report as JSON.
     *
     * @param file where; its directory is created if needed
     * @throws IOException if the file cannot be written
     */
    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    /**
     * The report as a plain-text table with its header and legend.
     *
     * @return the text
     */
    public String toTable() {
        String[] headings = {"suite", "benchmark", "score", "unit", "baseline", "ratio", "target", "result"};
        List<String[]> lines = rows.stream().map(row -> new String[] {
            row.suite(), row.benchmark(), Row.format(row.score()), row.unit(),
            row.baseline() == null ? "-" : Row.format(row.baseline()) + " (" + row.baselineName() + ")",
            row.ratio() == null ? "-" : Row.format(row.ratio()), row.target(), row.verdict().name()}).toList();
        int[] widths = new int[headings.length];
        for (int i = 0; i < headings.length; i++) {
            widths[i] = headings[i].length();
            for (String[] line : lines) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("zre4j benchmarks, %s profile, %s, %s, %s, %d cpus%n", profile, startedAt, jdk, os, cpus));
        out.append(String.format("load average before %s, after %s; %.0f s%n%n", loadBefore, loadAfter, durationS));
        appendLine(out, headings, widths);
        String[] rule = new String[headings.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        appendLine(out, rule, widths);
        lines.forEach(line -> appendLine(out, line, widths));
        out.append(String.format("%ntargets: %d met, %d missed; %d rows without target; %d benchmarks gave no result%n",
                count(Row.Verdict.PASS), count(Row.Verdict.FAIL), count(Row.Verdict.INFO), count(Row.Verdict.ERROR)));
        if ("quick".equals(profile)) {
            out.append("(quick profile: a smoke run that proves the benchmarks run; its figures mean nothing)")
                    .append(System.lineSeparator());
        }
        out.append("Baselines:").append(System.lineSeparator());
        baselines.forEach(legend -> out.append("  ").append(legend).append(System.lineSeparator()));
        List<String> refusals = rows.stream().filter(row -> row.details().containsKey("sendsRefused"))
                .map(row -> row.benchmark() + " " + Row.format(((Number) row.details().get("sendsRefused")).doubleValue()))
                .toList();
        if (!refusals.isEmpty()) {
            out.append("SENDS_REFUSED of the ZRE senders while measured: ").append(String.join(", ", refusals))
                    .append(System.lineSeparator());
        }
        for (Row row : rows) {
            Object why = row.details().get(row.verdict() == Row.Verdict.ERROR ? "error" : "verdictReason");
            if (why != null) {
                out.append(String.format("  %s %s: %s%n", row.verdict(), row.benchmark(), why));
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i == 2 || i == 5;
            String format = numeric ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
            out.append(String.format(format, cells[i]));
            out.append(i + 1 < cells.length ? "  " : System.lineSeparator());
        }
    }
}
