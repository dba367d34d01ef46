package dev.ferry.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The runs of one arm in one workload and variant, reduced to medians and spreads. */
record Summary(String workload, String variant, String arm, List<Measurement> runs) {

    static List<Summary> of(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            groups.computeIfAbsent(m.workload() + "\u0000" + m.variant() + "\u0000" + m.arm(), k -> new ArrayList<>()).add(m);
        }
        List<Summary> result = new ArrayList<>();
        groups.values().forEach(runs -> result.add(new Summary(runs.get(0).workload(), runs.get(0).variant(),
                runs.get(0).arm(), List.copyOf(runs))));
        return result;
    }

    /** The middle value; with an even number of runs, the mean of the two middle ones. */
    double median(ToDoubleFunction<Measurement> metric) {
        double[] sorted = values(metric);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min(ToDoubleFunction<Measurement> metric) {
        return Arrays.stream(values(metric)).min().orElse(Double.NaN);
    }

    double max(ToDoubleFunction<Measurement> metric) {
        return Arrays.stream(values(metric)).max().orElse(Double.NaN);
    }

    double medianMetric(String name) {
        return median(m -> m.metrics().getOrDefault(name, Double.NaN));
    }

    /** Median CPU seconds per million rows, per process. */
    Map<String, Double> cpuPerMillionRows() {
        Map<String, Double> result = new LinkedHashMap<>();
        runs.get(0).cpuSeconds().keySet().forEach(process ->
                result.put(process, median(m -> m.cpuPerMillionRows().getOrDefault(process, 0.0))));
        return result;
    }

    /** Highest peak resident memory across runs, per process (MiB). */
    Map<String, Double> peakMib() {
        Map<String, Double> result = new LinkedHashMap<>();
        runs.forEach(m -> m.peakMib().forEach((process, mib) -> result.merge(process, mib, Math::max)));
        return result;
    }

    private double[] values(ToDoubleFunction<Measurement> metric) {
        return runs.stream().mapToDouble(metric).toArray();
    }
}
