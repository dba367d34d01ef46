package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code bin/ferry bench}: starts the servers, runs the selected workloads with every arm, and writes
 * {@code report.md} and {@code report.json}. Exits 0 when every arm was measured, 1 when one failed
 * (the report then lists it), 2 on bad options.
 */
public final class BenchCommand {
    private static final String NARROW = "bench_narrow";
    private static final String WIDE = "bench_wide";
    private static final String STEADY = "bench_steady";

    private final PrintStream out;
    private final BenchLog log;

    public BenchCommand(PrintStream out) {
        this.out = out;
        this.log = new BenchLog(out);
    }

    public int run(List<String> args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage() + "\nUsage: bin/ferry " + BenchOptions.usage());
            return 2;
        }
        BenchSizes sizes = options.sizes();
        Instant date = Instant.now();
        BenchTools.ensureInstalled(log);
        Path work = Path.of(".ferry", "bench").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Results results = new Results(log);
        log.say("Starting MySQL source and destination, Kafka and Connect (files in %s)", work);
        try (BenchStack bench = BenchStack.start(work, options.sourceOptions(), options.sinkOptions())) {
            DebeziumSync.createUsers(bench);
            for (String workload : options.workloads()) {
                log.say("== %s ==", workload);
                try {
                    runWorkload(workload, bench, sizes, results);
                } catch (Exception e) {
                    results.failed(workload, "(setup)", e);
                }
            }
        }
        String mode = options.quick() ? "quick" : options.scale() == 1.0 && options.runs() == null ? "full" : "reduced";
        mode += options.scale() == 1.0 ? "" : ": sizes x " + options.scale();
        mode += options.runs() == null ? "" : ", " + options.runs() + " run(s) per arm";
        mode += options.sourceOptions().isEmpty() ? "" : ", Ferry source " + options.sourceOptions();
        mode += options.sinkOptions().isEmpty() ? "" : ", Ferry sink " + options.sinkOptions();
        Report report = new Report(date, Machine.current(), mode, log.elapsed(), sizes, results);
        report.write(options.outDir());
        if (options.readme() != null) {
            ReadmeTable.write(options.readme(), new ReportMarkdown(report).header() + " Full report: [bench/report.md](bench/report.md).\n\n"
                    + new ReportMarkdown(report).headline());
            log.say("Updated the benchmark table in %s", options.readme());
        }
        log.say("Report: %s and %s", options.outDir().resolve("report.md").toAbsolutePath(),
                options.outDir().resolve("report.json").toAbsolutePath());
        if (!results.failures().isEmpty()) {
            log.say("%d arm(s) FAILED: %s", results.failures().size(), results.failures().stream()
                    .map(f -> f.workload() + " / " + f.arm()).toList());
            return 1;
        }
        return 0;
    }

    private void runWorkload(String workload, BenchStack bench, BenchSizes sizes, Results results) throws Exception {
        MySqlServer source = bench.source();
        Path logs = bench.workDir().resolve("sysbench");
        switch (workload) {
            case "narrow" -> {
                log.say("Preparing %d sysbench tables of %,d rows on the source", sizes.narrowTables(), sizes.narrowRowsPerTable());
                Dataset narrow = Dataset.narrow(source, NARROW, sizes.narrowTables(), sizes.narrowRowsPerTable(), logs);
                Dataset small = Dataset.narrow(source, NARROW + "_dbz", 1, sizes.debeziumNarrowRows(), logs);
                new FullLoadWorkload(bench, log, results).run(narrow, small, sizes.runs(), sizes.debeziumRuns());
            }
            case "wide" -> {
                log.say("Generating %,d wide rows on the source", sizes.wideRows());
                Dataset wide = Dataset.wide(source, WIDE, sizes.wideRows());
                Dataset small = Dataset.wide(source, WIDE + "_dbz", sizes.debeziumWideRows());
                new FullLoadWorkload(bench, log, results).run(wide, small, sizes.runs(), sizes.debeziumRuns());
            }
            case "steady" -> {
                Sysbench sysbench = steadyDatabase(bench, sizes, STEADY, logs);
                SteadyWorkload steady = new SteadyWorkload(bench, log, results, sizes, sysbench, STEADY);
                steady.run(() -> new ReplicaSync(bench, 1), sizes.runs());
                steady.run(() -> new ReplicaSync(bench, 4), sizes.runs());
                steady.run(() -> new FerrySync(bench, "steady"), sizes.runs());
                steady.run(() -> new DebeziumSync(bench, "steady", 6500), sizes.debeziumRuns());
            }
            case "catch-up" -> {
                String database = STEADY + "_catchup";
                Sysbench sysbench = steadyDatabase(bench, sizes, database, logs);
                CatchUpWorkload catchUp = new CatchUpWorkload(bench, log, results, sysbench, database);
                catchUp.run(List.of(new FerrySync(bench, "catchup")), sizes.catchUpTransactions(), sizes.runs());
                catchUp.run(List.of(new ReplicaSync(bench, 1), new ReplicaSync(bench, 4)), sizes.replicaCatchUpTransactions(),
                        sizes.runs());
                catchUp.run(List.of(new DebeziumSync(bench, "catchup", 6600)), sizes.debeziumCatchUpTransactions(),
                        sizes.debeziumRuns());
            }
            default -> throw new IllegalArgumentException(workload);
        }
    }

    private Sysbench steadyDatabase(BenchStack bench, BenchSizes sizes, String database, Path logs) throws Exception {
        log.say("Preparing 4 sysbench tables of %,d rows and their heartbeat markers in %s", sizes.steadyRowsPerTable(), database);
        Sysbench sysbench = new Sysbench(bench.source(), database, SteadyWorkload.TABLES, sizes.steadyRowsPerTable(), logs);
        sysbench.prepare();
        Heartbeat.createMarkers(bench.source(), database, SteadyWorkload.TABLES);
        return sysbench;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
