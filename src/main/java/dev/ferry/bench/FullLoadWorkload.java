package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full load of one dataset by each arm: Ferry, {@code mysqldump | mysql}, {@code LOAD DATA} and
 * Debezium's pair (on a smaller copy of the same shape). Arms alternate within each run, so drift in
 * the machine's load affects them alike; each starts from an empty destination database.
 */
final class FullLoadWorkload {
    private final BenchStack bench;
    private final BenchLog log;
    private final Results results;

    FullLoadWorkload(BenchStack bench, BenchLog log, Results results) {
        this.bench = bench;
        this.log = log;
        this.results = results;
    }

    void run(Dataset dataset, Dataset debeziumDataset, int runs, int debeziumRuns) throws Exception {
        RowCounts counts = RowCounts.of(bench.source(), dataset.database());
        double megabytes = dataset.megabytes(bench.source());
        RowCounts debeziumCounts = RowCounts.of(bench.source(), debeziumDataset.database());
        double debeziumMegabytes = debeziumDataset.megabytes(bench.source());
        log.say("%s: %s, %,d rows, %.0f MB (Debezium's pair: %,d rows)", dataset.workload(), dataset.description(),
                counts.total(), megabytes, debeziumCounts.total());
        LoadDataCopy loadData = new LoadDataCopy(bench.source(), dataset.database(), bench.workDir());
        for (int run = 1; run <= Math.max(runs, debeziumRuns); run++) {
            String db = dataset.database();
            if (run <= runs) {
                int r = run;
                arm(dataset, "Ferry", run, counts.total(), megabytes, meter -> {
                    try (FerrySync ferry = new FerrySync(bench, dataset.workload() + "-" + r)) {
                        ferry.start(db);
                    }
                });
                arm(dataset, "mysqldump | mysql", run, counts.total(), megabytes,
                        meter -> DumpPipe.copy(bench.source(), bench.destination(), db, meter, bench.workDir().resolve("dump")));
                arm(dataset, "LOAD DATA", run, counts.total(), megabytes, meter -> loadData.load(bench.destination()));
            }
            if (run <= debeziumRuns) {
                int r = run;
                arm(debeziumDataset, "Debezium source + JDBC sink", run, debeziumCounts.total(), debeziumMegabytes, meter -> {
                    try (DebeziumSync debezium = new DebeziumSync(bench, dataset.workload() + "-" + r, 6400 + r)) {
                        debezium.start(debeziumDataset.database());
                    }
                });
            }
        }
    }

    /** One timed copy into an empty destination database, checked by row counts afterwards. */
    private void arm(Dataset dataset, String arm, int run, long rows, double megabytes, Copy copy) throws Exception {
        MySqlServer destination = bench.destination();
        destination.execute("DROP DATABASE IF EXISTS `" + dataset.database() + "`");
        ProcessMeter meter = bench.meter();
        long started = System.nanoTime();
        try {
            copy.run(meter);
        } catch (Exception e) {
            results.failed(dataset.workload(), arm, e);
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpu = meter.cpuSeconds();
        RowCounts copied = RowCounts.of(destination, dataset.database());
        if (copied.total() != rows) {
            results.failed(dataset.workload(), arm, new IllegalStateException(
                    "copied " + copied.total() + " rows instead of " + rows));
            return;
        }
        Measurement m = new Measurement(dataset.workload(), "", arm, run, seconds, rows, megabytes, cpu, meter.peakMib(),
                new LinkedHashMap<>());
        results.add(m);
        log.say("  %-28s run %d: %,9d rows in %6.2f s = %,8.0f rows/s, %6.1f MB/s", arm, run, rows, seconds,
                m.rowsPerSecond(), m.megabytesPerSecond());
        destination.execute("DROP DATABASE IF EXISTS `" + dataset.database() + "`");
    }

    /** A copy of the dataset to the destination by one tool. */
    interface Copy {
        void run(ProcessMeter meter) throws Exception;
    }

    static List<String> arms() {
        return new ArrayList<>(List.of("Ferry", "mysqldump | mysql", "LOAD DATA", "Debezium source + JDBC sink"));
    }
}
