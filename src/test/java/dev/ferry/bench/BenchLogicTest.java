package dev.ferry.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchLogicTest {

    @Test
    void lagPercentilesAndSteadyLag() {
        List<long[]> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(new long[] {i, i * 1_000_000L});
        }
        LagStats stats = LagStats.of(samples);
        assertThat(stats.p50Millis()).isEqualTo(50);
        assertThat(stats.p99Millis()).isEqualTo(99);
        assertThat(stats.maxMillis()).isEqualTo(100);
        assertThat(stats.growing()).isFalse();
    }

    @Test
    void lagThatKeepsGrowingIsNotHeld() {
        List<long[]> samples = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            samples.add(new long[] {i, i * 20_000_000L});
        }
        assertThat(LagStats.of(samples).growing()).isTrue();
        assertThat(LagStats.of(List.of()).growing()).isTrue();
    }

    @Test
    void optionsSelectWorkloadsAndScale() {
        BenchOptions options = BenchOptions.parse(List.of("--quick", "--only", "steady,catch-up", "--scale", "2", "--runs", "3"));
        assertThat(options.workloads()).containsExactly("steady", "catch-up");
        assertThat(options.sizes().narrowRowsPerTable()).isEqualTo(2 * BenchSizes.quick().narrowRowsPerTable());
        assertThat(options.sizes().runs()).isEqualTo(3);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", "bogus"))).hasMessageContaining("Unknown workload 'bogus'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--scale"))).hasMessageContaining("needs a value");
        assertThat(BenchOptions.parse(List.of("--sink-option", "tasks.max=2", "--source-option", "a=b=c")))
                .satisfies(o -> assertThat(o.sinkOptions()).containsEntry("tasks.max", "2"))
                .satisfies(o -> assertThat(o.sourceOptions()).containsEntry("a", "b=c"));
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--sink-option", "novalue"))).hasMessageContaining("key=value");
    }

    @Test
    void summaryGivesMedianSpreadAndCpuPerMillionRows() {
        List<Measurement> runs = List.of(run(1, 10), run(2, 20), run(3, 40));
        Summary summary = Summary.of(runs).get(0);
        assertThat(summary.median(Measurement::seconds)).isEqualTo(20);
        assertThat(summary.min(Measurement::seconds)).isEqualTo(10);
        assertThat(summary.max(Measurement::seconds)).isEqualTo(40);
        assertThat(summary.cpuPerMillionRows()).containsEntry("mysqld", 4.0);
    }

    @Test
    void readmeTableIsReplacedBetweenItsMarkers(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "before\n" + ReadmeTable.BEGIN + "\nold\n" + ReadmeTable.END + "\nafter\n");
        ReadmeTable.write(readme, "| new |\n");
        assertThat(Files.readString(readme)).isEqualTo("before\n" + ReadmeTable.BEGIN + "\n| new |\n" + ReadmeTable.END + "\nafter\n");
        Files.writeString(readme, "no markers");
        assertThatThrownBy(() -> ReadmeTable.write(readme, "x")).hasMessageContaining("markers");
    }

    private static Measurement run(int run, double seconds) {
        return new Measurement("w", "", "Ferry", run, seconds, 1_000_000, 100, Map.of("mysqld", 4.0), Map.of("mysqld", 90.0), Map.of());
    }
}
