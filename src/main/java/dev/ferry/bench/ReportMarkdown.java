package dev.ferry.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Markdown form of a {@link Report}: a headline table (also copied into the README) and one section per workload. */
final class ReportMarkdown {
    private static final List<String> FULL_LOAD_PEERS = List.of("mysqldump | mysql", "LOAD DATA", "Debezium source + JDBC sink");
    private static final List<String> SYNC_PEERS = List.of("MySQL replica (1 thread)", "MySQL replica (4 workers)",
            "Debezium source + JDBC sink");

    private final Report report;
    private final StringBuilder out = new StringBuilder();

    ReportMarkdown(Report report) {
        this.report = report;
    }

    String render() {
        line("# Ferry benchmark");
        line("");
        line(header());
        line("");
        line("Produced by `bin/ferry bench` (" + report.mode() + " mode); every number "
                + "below is from this one run, all arms on the same machine, one after another. Medians over the runs, "
                + "spread as min–max. Versions: " + Report.versions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        line("");
        line("## Headline");
        line("");
        out.append(headline());
        fullLoad("full-load-narrow", "Full load, narrow rows (sysbench tables)");
        fullLoad("full-load-wide", "Full load, wide rows (~4 KB: TEXT, JSON, BLOB, DECIMAL, DATETIME(6))");
        steady();
        catchUp();
        processes();
        notes();
        return out.toString();
    }

    String header() {
        return "Measured " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(report.date())
                + " on " + report.machine() + " (" + report.mode() + " mode, " + String.format("%.1f", report.durationSeconds() / 60)
                + " minutes).";
    }

    /** The table the README shows: Ferry's median next to each comparison's, with the ratio. */
    String headline() {
        StringBuilder table = new StringBuilder();
        table.append("| Workload | Ferry | Compared with | Their result | Ferry ÷ theirs |\n|---|---|---|---|---|\n");
        for (String workload : List.of("full-load-narrow", "full-load-wide")) {
            Optional<Summary> ferry = report.find(workload, "", Report.FERRY);
            for (String peer : FULL_LOAD_PEERS) {
                report.find(workload, "", peer).ifPresent(p -> table.append(row(workload, ferry.map(f -> rows(f)).orElse("failed"),
                        peer, rows(p), ratio(ferry, p, Measurement::rowsPerSecond))));
            }
        }
        Optional<Summary> ferryCatchUp = report.find(CatchUpWorkload.NAME, "", Report.FERRY);
        for (String peer : SYNC_PEERS) {
            report.find(CatchUpWorkload.NAME, "", peer).ifPresent(p -> table.append(row("catch-up",
                    ferryCatchUp.map(ReportMarkdown::trx).orElse("failed"), peer, trx(p),
                    ratio(ferryCatchUp, p, m -> m.metrics().get("trx_per_s")))));
        }
        boolean steadyRan = report.summaries().stream().anyMatch(s -> s.workload().equals(SteadyWorkload.NAME));
        String ferryHeld = report.highestRateHeld(Report.FERRY);
        for (String peer : steadyRan ? SYNC_PEERS : List.<String>of()) {
            table.append(row("steady: highest rate held", ferryHeld, peer, report.highestRateHeld(peer), ""));
        }
        report.find(SteadyWorkload.NAME, "1000 trx/s", Report.FERRY).ifPresent(f -> table.append(row(
                "steady: lag p99 at 1,000 trx/s", String.format("%,.0f ms", f.medianMetric("lag_p99_ms")), "the bar", "< 1,000 ms", "")));
        return table.append('\n').toString();
    }

    private static String row(String workload, String ferry, String peer, String theirs, String ratio) {
        return "| " + workload + " | " + ferry + " | " + peer.replace("|", "\\|") + " | " + theirs + " | " + ratio + " |\n";
    }

    private static String rows(Summary s) {
        return String.format("%,.0f rows/s", s.median(Measurement::rowsPerSecond));
    }

    private static String trx(Summary s) {
        return String.format("%,.0f trx/s", s.medianMetric("trx_per_s"));
    }

    private static String ratio(Optional<Summary> ferry, Summary peer, java.util.function.ToDoubleFunction<Measurement> metric) {
        if (ferry.isEmpty() || peer.median(metric) == 0) {
            return "";
        }
        return String.format("%.2fx", ferry.get().median(metric) / peer.median(metric));
    }

    private void fullLoad(String workload, String title) {
        List<Summary> rows = report.summaries().stream().filter(s -> s.workload().equals(workload)).toList();
        if (rows.isEmpty()) {
            return;
        }
        line("## " + title);
        line("");
        line("| Arm | Runs | Rows | Seconds | Rows/s | MB/s | CPU s per 1M rows (total) |");
        line("|---|---|---|---|---|---|---|");
        for (Summary s : rows) {
            line(String.format("| %s | %d | %,d | %.2f (%.2f–%.2f) | %,.0f (%,.0f–%,.0f) | %.1f | %.1f |", s.arm().replace("|", "\\|"),
                    s.runs().size(), s.runs().get(0).rows(), s.median(Measurement::seconds), s.min(Measurement::seconds),
                    s.max(Measurement::seconds), s.median(Measurement::rowsPerSecond), s.min(Measurement::rowsPerSecond),
                    s.max(Measurement::rowsPerSecond), s.median(Measurement::megabytesPerSecond),
                    s.cpuPerMillionRows().values().stream().mapToDouble(Double::doubleValue).sum()));
        }
        line("");
        report.find(workload, "", Report.FERRY).ifPresent(ferry -> {
            String loadData = report.find(workload, "", "LOAD DATA").map(l -> String.format(
                    "; with `LOAD DATA` the destination mysqld alone spends %.1f", l.cpuPerMillionRows()
                            .getOrDefault("mysqld destination", 0.0))).orElse("");
            line("Where Ferry's time goes (CPU s per 1M rows): " + format(ferry.cpuPerMillionRows(), "%.1f") + loadData
                    + ". The Connect worker runs Ferry's source (read, encode) and sink (decode, build statements); "
                    + "on 2 shared cores whatever it spends beyond the destination's own cost slows the copy.");
            line("");
        });
        line("Ferry's time runs from deploying the connectors to the sink recording the last table's snapshot as applied; "
                + "`mysqldump | mysql` and `LOAD DATA` (files exported beforehand, not timed) include creating the tables; "
                + "Debezium's pair copies a smaller database of the same shape (it is an order of magnitude slower), "
                + "compare rows/s. MB are the source's InnoDB data length. Ferry runs as `connector-config/` deploys it "
                + "(two sink tasks); Debezium's JDBC sink runs one task, since its pair is bound by Debezium's snapshot "
                + "reader, not by its sink.");
        line("");
    }

    private void steady() {
        List<Summary> rows = report.summaries().stream().filter(s -> s.workload().equals(SteadyWorkload.NAME)).toList();
        if (rows.isEmpty()) {
            return;
        }
        line("## Steady sync (sysbench oltp_write_only on the source)");
        line("");
        line("| Arm | Rate | Runs | Achieved trx/s | Lag p50 ms | Lag p99 ms | Lag max ms | Held |");
        line("|---|---|---|---|---|---|---|---|");
        for (Summary s : rows) {
            line(String.format("| %s | %s | %d | %,.0f | %,.0f | %,.0f (%,.0f–%,.0f) | %,.0f | %d of %d |", s.arm(), s.variant(),
                    s.runs().size(), s.medianMetric("achieved_trx_per_s"), s.medianMetric("lag_p50_ms"),
                    s.medianMetric("lag_p99_ms"), s.min(m -> m.metrics().get("lag_p99_ms")),
                    s.max(m -> m.metrics().get("lag_p99_ms")), s.medianMetric("lag_max_ms"),
                    s.runs().stream().filter(m -> m.metrics().get("held") >= 1).count(), s.runs().size()));
        }
        line("");
        line("Highest rate held: " + SteadyWorkload.arms().stream().map(a -> a + " " + report.highestRateHeld(a))
                .collect(Collectors.joining("; ")) + ".");
        line("");
        line("Lag is measured from a heartbeat (a marker row in every sysbench table, all updated in one transaction every "
                + Heartbeat.INTERVAL_MILLIS + " ms; the time its commit returned) to the moment a poller on the target "
                + "(every 5 ms) sees the new value in every table (Ferry and Debezium carry each table in its own topic). "
                + "A rate is held when the lag did not grow during the window "
                + "(median of the last third ≤ 2 × the first third's + 250 ms) and the target caught up within 60 s after it; "
                + "compare the achieved rate, since sysbench shares the 2 cores with everything else.");
        line("");
    }

    private void catchUp() {
        List<Summary> rows = report.summaries().stream().filter(s -> s.workload().equals(CatchUpWorkload.NAME)).toList();
        if (rows.isEmpty()) {
            return;
        }
        line("## Catch-up (draining a backlog of oltp_write_only transactions)");
        line("");
        line("| Arm | Runs | Backlog (trx) | Seconds | Trx/s | Row changes/s |");
        line("|---|---|---|---|---|---|");
        for (Summary s : rows) {
            line(String.format("| %s | %d | %,.0f | %.2f (%.2f–%.2f) | %,.0f (%,.0f–%,.0f) | %,.0f |", s.arm(), s.runs().size(),
                    s.medianMetric("transactions"), s.median(Measurement::seconds), s.min(Measurement::seconds),
                    s.max(Measurement::seconds), s.medianMetric("trx_per_s"), s.min(m -> m.metrics().get("trx_per_s")),
                    s.max(m -> m.metrics().get("trx_per_s")), s.median(Measurement::rowsPerSecond)));
        }
        line("");
        line("Each transaction changes 4 rows (two updates, a delete, an insert). Ferry's and Debezium's sinks are "
                + "paused through the Connect REST API while the backlog is written (their sources keep reading the binlog "
                + "into Kafka); a replica's SQL thread is stopped (its I/O thread keeps filling the relay log). The time runs "
                + "from resuming to the heartbeat written after the backlog showing in every table on the target. "
                + "A replica commits each source transaction on its own (an fsync each, as configured); Ferry's and "
                + "Debezium's sinks keep the last state per key over many source transactions and commit them together "
                + "(Ferry records its progress in the same transaction), so they write fewer rows and commit less often. "
                + "Each arm drains its own backlog size (see Sizes below): MySQL's replicas and Debezium's pair a smaller "
                + "one, so that three runs of each fit in the bench's time; the rate is what compares. The source writes "
                + "the backlog with sync_binlog=0 and innodb_flush_log_at_trx_commit=2, only to build it faster; the "
                + "applying side keeps the durability it has in every workload.");
        line("");
    }

    private void processes() {
        line("## CPU and memory per process");
        line("");
        line("CPU seconds per million rows (or row changes) per process, median over runs; peak resident memory "
                + "(VmHWM, reset before each run where the kernel allows) in MiB, highest over runs. The Connect worker "
                + "runs both Ferry's connectors or both of Debezium's; sysbench and the client tools are sampled every 100–200 ms.");
        line("");
        line("| Workload | Variant | Arm | CPU s / 1M rows by process | Peak MiB by process |");
        line("|---|---|---|---|---|");
        for (Summary s : report.summaries()) {
            line("| " + s.workload() + " | " + s.variant() + " | " + s.arm().replace("|", "\\|") + " | " + format(s.cpuPerMillionRows(), "%.1f")
                    + " | " + format(s.peakMib(), "%.0f") + " |");
        }
        line("");
    }

    private void notes() {
        line("## Notes and failures");
        line("");
        report.results().failures().forEach(f -> line("- **FAILED** " + f.workload() + " / " + f.arm() + ": " + f.reason()));
        report.results().notes().forEach(n -> line("- " + n));
        BenchSizes sizes = report.sizes();
        line(String.format("- Sizes: narrow %d x %,d rows (Debezium's pair %,d rows); wide %,d rows (Debezium's pair %,d); "
                        + "%d runs per arm (Debezium's pair %d); steady %d s per rate on %,d rows per table; catch-up backlog "
                        + "%,d transactions = %,d row changes (MySQL's replicas %,d, Debezium's pair %,d).", sizes.narrowTables(),
                sizes.narrowRowsPerTable(), sizes.debeziumNarrowRows(), sizes.wideRows(), sizes.debeziumWideRows(), sizes.runs(),
                sizes.debeziumRuns(), sizes.steadySeconds(), sizes.steadyRowsPerTable(), sizes.catchUpTransactions(),
                (long) sizes.catchUpTransactions() * SteadyWorkload.CHANGES_PER_TRANSACTION, sizes.replicaCatchUpTransactions(),
                sizes.debeziumCatchUpTransactions()));
        line("- Every server has the same settings: MySQL defaults for durability (fsync per commit, sync_binlog=1), "
                + "binary log on (ROW, GTIDs) on the destination and replicas as on RDS, 256 MiB buffer pool. "
                + "Debezium's JDBC sink runs in upsert mode with batch.size=" + DebeziumSync.BATCH_SIZE
                + " and its reduction buffer on; the source tracks WRITESET dependencies for the parallel replica.");
        line("- `mysqldump | mysql` uses Debian's MariaDB client tools; it is not an exact copy (FLOAT loses precision, "
                + "DOUBLE -0 becomes 0, MySQL generated columns would be refused), see TESTING.md.");
    }

    private static String format(Map<String, Double> values, String number) {
        return values.entrySet().stream().map(e -> e.getKey() + " " + String.format(number, e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
