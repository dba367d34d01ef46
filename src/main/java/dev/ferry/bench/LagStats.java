package dev.ferry.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a window's lag samples, and whether the lag kept growing during it. */
record LagStats(double p50Millis, double p99Millis, double maxMillis, boolean growing, int samples) {

    /**
     * The lag grows when the median of the window's last third is above twice the first third's
     * plus 250 ms: a pipeline that keeps up has the same lag at the end as at the start.
     */
    static LagStats of(List<long[]> samples) {
        if (samples.isEmpty()) {
            return new LagStats(Double.NaN, Double.NaN, Double.NaN, true, 0);
        }
        double[] lags = samples.stream().mapToDouble(s -> s[1] / 1e6).toArray();
        double[] sorted = lags.clone();
        Arrays.sort(sorted);
        int third = Math.max(1, lags.length / 3);
        double first = median(Arrays.copyOfRange(lags, 0, third));
        double last = median(Arrays.copyOfRange(lags, lags.length - third, lags.length));
        return new LagStats(percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1],
                last > 2 * first + 250, lags.length);
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }
}
