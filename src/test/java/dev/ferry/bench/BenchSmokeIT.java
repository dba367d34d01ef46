package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's bench command working: {@code bin/ferry bench --quick} (seconds-long sizes, every
 * workload and arm) must finish and write a well-formed report. Never a speed assertion.
 */
@Tag("integration")
class BenchSmokeIT {

    @Test
    void quickBenchMeasuresEveryArmAndWritesTheReport() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "bench"));
        Path output = dir.resolve("bench-output.txt");
        Process bench = new ProcessBuilder("bin/ferry", "bench", "--quick", "--out", dir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).directory(new File(".")).start();
        boolean finished = bench.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("bench finished; output:%n%s", text).isTrue();
        assertThat(bench.exitValue()).as("exit status; output:%n%s", text).isZero();
        assertThat(text).contains("Report: ");

        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(report.path("failures")).isEmpty();
        Set<String> measured = new HashSet<>();
        for (JsonNode summary : report.path("summaries")) {
            measured.add(summary.path("workload").asText() + " / " + summary.path("arm").asText());
            assertThat(summary.path("rows_per_s").path("median").asDouble()).as(summary.toString()).isPositive();
        }
        for (String workload : List.of("full-load-narrow", "full-load-wide")) {
            for (String arm : FullLoadWorkload.arms()) {
                assertThat(measured).contains(workload + " / " + arm);
            }
        }
        for (String workload : List.of(SteadyWorkload.NAME, CatchUpWorkload.NAME)) {
            for (String arm : SteadyWorkload.arms()) {
                assertThat(measured).contains(workload + " / " + arm);
            }
        }
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("# Ferry benchmark", "## Headline", "| Workload | Ferry |", "## Steady sync", "## Catch-up");
    }
}
