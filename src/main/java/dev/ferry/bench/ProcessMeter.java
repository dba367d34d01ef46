package dev.ferry.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU seconds and peak memory of named processes over one measured interval. Long-running servers
 * are read at {@link #start()} and {@link #stop()}; short-lived ones (a client, sysbench) are added
 * while they run and sampled by {@link #sample()}, since {@code /proc} forgets them when they exit.
 */
final class ProcessMeter {

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> startTicks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTicks = new ConcurrentHashMap<>();
    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();

    /** Starts metering {@code pid} as {@code name}, from its CPU time now; its peak memory is reset. */
    ProcessMeter watch(String name, long pid) {
        pids.put(name, pid);
        ProcStat.resetPeak(pid);
        ProcStat.cpuTicks(pid).ifPresent(ticks -> {
            startTicks.put(name, ticks);
            lastTicks.put(name, ticks);
        });
        return this;
    }

    /** Starts metering a process that was started just now, counting all of its CPU time. */
    ProcessMeter watchNew(String name, long pid) {
        pids.put(name, pid);
        startTicks.put(name, 0L);
        lastTicks.put(name, 0L);
        sample();
        return this;
    }

    /** Reads every watched process that still runs. */
    void sample() {
        pids.forEach((name, pid) -> {
            OptionalLong ticks = ProcStat.cpuTicks(pid);
            ticks.ifPresent(value -> lastTicks.merge(name, value, Math::max));
            ProcStat.peakKib(pid).ifPresent(kib -> peakKib.merge(name, kib, Math::max));
        });
    }

    /** CPU seconds per process name since it was watched, read now. */
    Map<String, Double> cpuSeconds() {
        sample();
        Map<String, Double> result = new LinkedHashMap<>();
        pids.keySet().stream().sorted().forEach(name -> result.put(name,
                ProcStat.seconds(lastTicks.getOrDefault(name, 0L) - startTicks.getOrDefault(name, 0L))));
        return result;
    }

    /** Peak resident memory in MiB per process name. */
    Map<String, Double> peakMib() {
        Map<String, Double> result = new LinkedHashMap<>();
        pids.keySet().stream().sorted().forEach(name -> result.put(name, peakKib.getOrDefault(name, 0L) / 1024.0));
        return result;
    }
}
