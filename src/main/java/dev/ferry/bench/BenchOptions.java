package dev.ferry.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code bin/ferry bench}: {@code [--quick] [--only WORKLOAD[,WORKLOAD]] [--scale F]
 * [--runs N] [--out DIR] [--write-readme FILE]}. {@code --scale} multiplies every row count and backlog
 * (e.g. 0.2 for a shorter run while developing); {@code --runs} overrides the runs per arm.
 */
record BenchOptions(boolean quick, Set<String> workloads, Path outDir, Path readme, double scale, Integer runs) {
    static final List<String> WORKLOADS = List.of("narrow", "wide", "steady", "catch-up");

    static BenchOptions parse(List<String> args) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(WORKLOADS);
        Path out = Path.of("bench");
        Path readme = null;
        double scale = 1.0;
        Integer runs = null;
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
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, arg));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        if (scale <= 0 || (runs != null && runs < 1)) {
            throw new IllegalArgumentException("--scale must be above 0 and --runs at least 1");
        }
        return new BenchOptions(quick, only, out, readme, scale, runs);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    BenchSizes sizes() {
        BenchSizes sizes = (quick ? BenchSizes.quick() : BenchSizes.full()).scaled(scale);
        return runs == null ? sizes : new BenchSizes(sizes.narrowTables(), sizes.narrowRowsPerTable(), sizes.debeziumNarrowRows(),
                sizes.wideRows(), sizes.debeziumWideRows(), runs, Math.min(runs, sizes.debeziumRuns()), sizes.steadyRates(),
                sizes.steadySeconds(), sizes.steadyRowsPerTable(), sizes.catchUpTransactions(), sizes.debeziumCatchUpTransactions());
    }

    static String usage() {
        return "bench [--quick] [--only " + String.join(",", WORKLOADS) + "] [--scale F] [--runs N] [--out DIR] [--write-readme README.md]";
    }
}
