package io.zre4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks still run: {@code BenchMain --quick} runs every suite once, briefly, and reports a result for
 * every benchmark. Nothing about speed is asserted: this machine is shared and the quick profile measures
 * almost nothing.
 */
class BenchQuickSmokeTest {

    @Test
    void quickProfileRunsEveryBenchmarkAndWritesTheReport() throws Exception {
        Path json = Path.of(System.getProperty("bench.outputDir", "target"), "bench-quick.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int status = BenchMain.run(new String[] {"--quick", "--json", json.toString()}, out);

        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.print(table);
        assertThat(status).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("profile").asText()).isEqualTo("quick");
        assertThat(report.get("rows")).allSatisfy(row -> assertThat(row.get("verdict").asText())
                .as("%s %s: %s", row.get("suite").asText(), row.get("benchmark").asText(), row.get("details"))
                .isNotEqualTo("ERROR"));
        assertThat(report.get("rows")).extracting(row -> row.get("suite").asText())
                .contains("codec", "engine", "loopback", "discovery", "simulation");
        assertThat(table).contains("decode+encode SHOUT header", "whisper 64 B", "shout fan-out to 3 nodes",
                "convergence of 3 nodes", "10-node scenario");
    }
}
