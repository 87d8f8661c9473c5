package io.zre4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs the zre4j benchmarks and reports each figure beside a baseline measured in the same run: a table on
 * standard output and the same as JSON ({@code bench.json} beside the jar or the classes, or {@code --json}).
 *
 * <pre>
 * java -jar zre-bench/target/benchmarks.jar [--quick] [--only REGEX] [--json FILE] [--strict]
 *   --quick    the smoke profile: every benchmark once, in seconds (what mvn verify runs)
 *   --only     run only the suites whose name matches: codec, engine, loopback, discovery, simulation
 *   --json     where to write the JSON report
 *   --strict   exit with status 1 when a target is missed or a benchmark gives no result
 * </pre>
 *
 * For a profile of one benchmark, use JMH's own command line from the same jar, e.g.
 * {@code java -cp benchmarks.jar org.openjdk.jmh.Main LoopbackWhisperBenchmark.zre -prof stack}.
 */
public final class BenchMain {

    private static final String USAGE = "usage: java -jar benchmarks.jar [--quick] [--only REGEX] [--json FILE] [--strict]";

    private BenchMain() {
    }

    /**
     * The command line.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            status = 2;
        }
        // JeroMQ and JMH may leave daemon threads behind: end the process with the report's status.
        System.exit(status);
    }

    /**
     * Runs the benchmarks as the command line asks, prints the table and writes the JSON.
     *
     * @param args see the class documentation
     * @param out  where the table goes
     * @return the exit status: 0, or 1 with {@code --strict} when a target was missed or a benchmark failed
     * @throws IllegalArgumentException if the arguments are wrong
     */
    public static int run(String[] args, PrintStream out) {
        BenchProfile profile = BenchProfile.shortProfile();
        Pattern only = Pattern.compile(".*");
        Path json = null;
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> profile = BenchProfile.quickProfile();
                case "--only" -> only = Pattern.compile(value(args, ++i, "--only"));
                case "--json" -> json = Path.of(value(args, ++i, "--json"));
                case "--strict" -> strict = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        BenchReport report = execute(profile, only, out);
        out.print(report.toTable());
        Path file = json != null ? json : defaultJsonFile();
        try {
            report.writeJson(file);
            out.println("JSON report: " + file.toAbsolutePath());
        } catch (IOException e) {
            out.println("could not write the JSON report to " + file + ": " + e);
            return 1;
        }
        boolean allMet = report.count(Row.Verdict.FAIL) == 0 && report.count(Row.Verdict.ERROR) == 0;
        return strict && !allMet ? 1 : 0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /**
     * Runs the suites whose name matches.
     *
     * @param profile how much to measure
     * @param only    which suites
     * @param out     where progress goes
     * @return the report
     */
    public static BenchReport execute(BenchProfile profile, Pattern only, PrintStream out) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long startNs = System.nanoTime();
        String loadBefore = loadAverage();
        List<Suite> suites = List.of(new CodecSuite(), new EngineSuite(), new LoopbackSuite(), new DiscoverySuite(),
                new SimulationSuite());
        List<Row> rows = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        for (Suite suite : suites) {
            if (!only.matcher(suite.name()).matches()) {
                continue;
            }
            out.printf("== %s (%s profile)%n", suite.name(), profile.name());
            long suiteStartNs = System.nanoTime();
            try {
                rows.addAll(suite.run(profile));
            } catch (RuntimeException e) {
                rows.add(Row.error(suite.name(), "(whole suite)", Target.none(), e.toString()));
            }
            legends.add(suite.baselineLegend());
            out.printf("== %s took %.1f s%n", suite.name(), (System.nanoTime() - suiteStartNs) / 1e9);
        }
        return new BenchReport(started.toString(), profile.name(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(),
                (System.nanoTime() - startNs) / 1e9, rows, legends);
    }

    /** The 1, 5 and 15 minute load averages, from /proc where there is one. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return oneMinute < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", oneMinute);
        }
    }

    /**
     * {@code bench.json} in the build directory: beside {@code benchmarks.jar}, or beside {@code classes/} when
     * run from the classes; the working directory as a last resort.
     */
    static Path defaultJsonFile() {
        try {
            Path source = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = source.getParent();
            if (parent != null) {
                return parent.resolve("bench.json");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("bench.json");
    }
}
