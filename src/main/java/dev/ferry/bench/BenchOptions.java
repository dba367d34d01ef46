package dev.ferry.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code bin/ferry bench}: {@code [--quick] [--only WORKLOAD[,WORKLOAD]] [--out DIR]
 * [--write-readme FILE]}.
 */
record BenchOptions(boolean quick, Set<String> workloads, Path outDir, Path readme) {
    static final List<String> WORKLOADS = List.of("narrow", "wide", "steady", "catch-up");

    static BenchOptions parse(List<String> args) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(WORKLOADS);
        Path out = Path.of("bench");
        Path readme = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    only = new LinkedHashSet<>(List.of(value(args, ++i, arg).split(",")));
                    for (String each : only) {
                        if (!WORKLOADS.contains(each)) {
                            throw new IllegalArgumentException("Unknown workload '" + each + "'; choose from " + WORKLOADS);
                        }
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--write-readme" -> readme = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new BenchOptions(quick, only, out, readme);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    BenchSizes sizes() {
        return quick ? BenchSizes.quick() : BenchSizes.full();
    }

    static String usage() {
        return "bench [--quick] [--only " + String.join(",", WORKLOADS) + "] [--out DIR] [--write-readme README.md]";
    }
}
