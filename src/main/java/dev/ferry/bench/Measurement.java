package dev.ferry.bench;

import java.util.Map;

/**
 * One run of one arm: how long it took, how much it moved, and what each process spent.
 *
 * @param workload e.g. {@code full-load-narrow}
 * @param variant a setting within the workload, e.g. {@code 1000 trx/s}; empty when there is none
 * @param arm the tool measured, e.g. {@code Ferry} or {@code mysqldump | mysql}
 * @param rows rows (full load) or row changes (steady, catch-up) moved
 * @param megabytes the source data size moved (InnoDB data length), 0 where not meaningful
 * @param metrics further numbers, e.g. lag percentiles in ms
 */
record Measurement(String workload, String variant, String arm, int run, double seconds, long rows, double megabytes,
        Map<String, Double> cpuSeconds, Map<String, Double> peakMib, Map<String, Double> metrics) {

    double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }

    double megabytesPerSecond() {
        return seconds > 0 ? megabytes / seconds : 0;
    }

    /** CPU seconds per million rows, per process. */
    Map<String, Double> cpuPerMillionRows() {
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        cpuSeconds.forEach((name, cpu) -> result.put(name, rows > 0 ? cpu * 1_000_000.0 / rows : 0));
        return result;
    }
}
