package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a report was measured on: cores, memory, CPU model, kernel. */
record Machine(int cores, double memoryGib, String cpuModel, String os) {

    static Machine current() {
        String model = "unknown";
        double memory = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
        } catch (IOException | RuntimeException e) {
            // Left as unknown in the report.
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, model,
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    @Override
    public String toString() {
        return String.format("%d cores, %.1f GiB memory, %s, %s", cores, memoryGib, cpuModel, os);
    }
}
