package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What Linux reports about one process in {@code /proc/<pid>}: CPU time (user + system, including
 * waited-for children) and peak resident memory ({@code VmHWM}).
 */
final class ProcStat {
    /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStat() {
    }

    /** CPU seconds used so far by {@code pid}, or empty if it no longer runs. */
    static OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing ')' are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            long cutime = Long.parseLong(fields[13]);
            long cstime = Long.parseLong(fields[14]);
            return OptionalLong.of(utime + stime + cutime + cstime);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    /** Peak resident memory in KiB since start or since {@link #resetPeak(long)}; empty if gone. */
    static OptionalLong peakKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resets the peak resident memory ({@code echo 5 > clear_refs}); best effort, needs the same user or root. */
    static void resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // The peak then counts from the process's start; the report says peaks are "since start or reset".
        }
    }
}
