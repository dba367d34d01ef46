package dev.ferry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code report.json} (every run, every summary) and {@code report.md} (tables for people) of a bench run. */
final class Report {
    static final String FERRY = "Ferry";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Instant date;
    private final Machine machine;
    private final String mode;
    private final double durationSeconds;
    private final BenchSizes sizes;
    private final Results results;
    private final List<Summary> summaries;

    Report(Instant date, Machine machine, String mode, double durationSeconds, BenchSizes sizes, Results results) {
        this.date = date;
        this.machine = machine;
        this.mode = mode;
        this.durationSeconds = durationSeconds;
        this.sizes = sizes;
        this.results = results;
        this.summaries = Summary.of(results.measurements());
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(json()));
        Files.writeString(dir.resolve("report.md"), new ReportMarkdown(this).render());
    }

    Instant date() {
        return date;
    }

    Machine machine() {
        return machine;
    }

    String mode() {
        return mode;
    }

    double durationSeconds() {
        return durationSeconds;
    }

    BenchSizes sizes() {
        return sizes;
    }

    Results results() {
        return results;
    }

    List<Summary> summaries() {
        return summaries;
    }

    Optional<Summary> find(String workload, String variant, String arm) {
        return summaries.stream().filter(s -> s.workload().equals(workload) && s.variant().equals(variant)
                && s.arm().equals(arm)).findFirst();
    }

    /** The highest steady rate (trx/s; 0 = open loop) the arm held, as a label; "none" if it held none. */
    String highestRateHeld(String arm) {
        String best = "none";
        double bestRate = -1;
        for (Summary s : summaries) {
            if (s.workload().equals(SteadyWorkload.NAME) && s.arm().equals(arm) && s.medianMetric("held") >= 0.5) {
                double rate = s.medianMetric("target_trx_per_s") == 0 ? s.medianMetric("achieved_trx_per_s")
                        : s.medianMetric("target_trx_per_s");
                if (rate > bestRate) {
                    bestRate = rate;
                    best = (s.medianMetric("target_trx_per_s") == 0 ? "open loop"
                            : String.format("%,.0f trx/s asked", rate))
                            + String.format(" (%,.0f achieved)", s.medianMetric("achieved_trx_per_s"));
                }
            }
        }
        return best;
    }

    private ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", date.toString());
        root.put("mode", mode);
        root.put("duration_s", durationSeconds);
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("memory_gib", machine.memoryGib());
        m.put("cpu_model", machine.cpuModel());
        m.put("os", machine.os());
        root.set("sizes", JSON.valueToTree(sizes));
        ArrayNode summaryNodes = root.putArray("summaries");
        for (Summary s : summaries) {
            ObjectNode node = summaryNodes.addObject();
            node.put("workload", s.workload());
            node.put("variant", s.variant());
            node.put("arm", s.arm());
            node.put("runs", s.runs().size());
            spread(node.putObject("seconds"), s, Measurement::seconds);
            spread(node.putObject("rows_per_s"), s, Measurement::rowsPerSecond);
            spread(node.putObject("mb_per_s"), s, Measurement::megabytesPerSecond);
            node.set("cpu_s_per_million_rows", JSON.valueToTree(s.cpuPerMillionRows()));
            node.set("peak_mib", JSON.valueToTree(s.peakMib()));
            ObjectNode metrics = node.putObject("metrics");
            s.runs().get(0).metrics().keySet().forEach(k -> metrics.put(k, s.medianMetric(k)));
        }
        ArrayNode highest = root.putArray("highest_steady_rate_held");
        SteadyWorkload.arms().forEach(arm -> highest.addObject().put("arm", arm).put("rate", highestRateHeld(arm)));
        root.set("measurements", JSON.valueToTree(results.measurements()));
        root.set("failures", JSON.valueToTree(results.failures()));
        root.set("notes", JSON.valueToTree(results.notes()));
        return root;
    }

    private static void spread(ObjectNode node, Summary s, java.util.function.ToDoubleFunction<Measurement> metric) {
        node.put("median", s.median(metric));
        node.put("min", s.min(metric));
        node.put("max", s.max(metric));
    }

    static Map<String, String> versions() {
        return Map.of("MySQL", "8.0.15 (source, destination, replicas)", "Kafka", "4.3.1",
                "Debezium MySQL source", "3.6.1.Final", "Debezium JDBC sink", "3.6.0.Final (3.6.1 is not published)");
    }
}
