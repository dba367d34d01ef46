package dev.ferry.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code bin/ferry bench}: {@code [--quick] [--only WORKLOAD[,WORKLOAD]] [--scale F]
 * [--runs N] [--out DIR] [--write-readme FILE]}. {@code --scale} multiplies every row count and backlog
 * (e.g. 0.2 for a shorter run while developing); {@code --runs} overrides the runs per arm;
 * {@code --source-option} and {@code --sink-option} change Ferry's connector settings on top of
 * {@code connector-config/}, to measure a setting (the report names them).
 */
record BenchOptions(boolean quick, Set<String> workloads, Path outDir, Path readme, double scale, Integer runs,
        Map<String, String> sourceOptions, Map<String, String> sinkOptions) {
    static final List<String> WORKLOADS = List.of("narrow", "wide", "steady", "catch-up");

    static BenchOptions parse(List<String> args) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(WORKLOADS);
        Path out = Path.of("bench");
        Path readme = null;
        double scale = 1.0;
        Integer runs = null;
        Map<String, String> sourceOptions = new LinkedHashMap<>();
        Map<String, String> sinkOptions = new LinkedHashMap<>();
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
                case "--source-option" -> keyValue(value(args, ++i, arg), sourceOptions);
                case "--sink-option" -> keyValue(value(args, ++i, arg), sinkOptions);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        if (scale <= 0 || (runs != null && runs < 1)) {
            throw new IllegalArgumentException("--scale must be above 0 and --runs at least 1");
        }
        return new BenchOptions(quick, only, out, readme, scale, runs, Map.copyOf(sourceOptions), Map.copyOf(sinkOptions));
    }

    private static void keyValue(String text, Map<String, String> into) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Expected key=value, got '" + text + "'");
        }
        into.put(text.substring(0, equals), text.substring(equals + 1));
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
                sizes.steadySeconds(), sizes.steadyRowsPerTable(), sizes.catchUpTransactions(), sizes.replicaCatchUpTransactions(),
                sizes.debeziumCatchUpTransactions());
    }

    static String usage() {
        return "bench [--quick] [--only " + String.join(",", WORKLOADS) + "] [--scale F] [--runs N]\n"
                + "       [--source-option key=value]... [--sink-option key=value]... [--out DIR] [--write-readme README.md]";
    }
}
