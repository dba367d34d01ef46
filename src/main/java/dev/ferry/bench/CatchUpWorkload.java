package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catch-up: each pipeline copies the database, stops applying (Ferry's and Debezium's sinks paused
 * through the REST API, a replica's SQL thread stopped), a backlog of {@code oltp_write_only}
 * transactions is written on the source, and each pipeline in turn drains it: from resuming to the
 * heartbeat written after the backlog showing on its target.
 */
final class CatchUpWorkload {
    static final String NAME = "catch-up";

    private final BenchStack bench;
    private final BenchLog log;
    private final Results results;
    private final Sysbench sysbench;
    private final String database;

    CatchUpWorkload(BenchStack bench, BenchLog log, Results results, Sysbench sysbench, String database) {
        this.bench = bench;
        this.log = log;
        this.results = results;
        this.sysbench = sysbench;
        this.database = database;
    }

    /** Starts every pipeline once, then {@code runs} times: pause all, build the backlog, drain each in turn. */
    void run(List<SyncPipeline> pipelines, int transactions, int runs) throws Exception {
        bench.destination().execute("DROP DATABASE IF EXISTS `" + database + "`");
        try {
            List<SyncPipeline> started = new java.util.ArrayList<>();
            for (SyncPipeline pipeline : pipelines) {
                try {
                    pipeline.start(database);
                    started.add(pipeline);
                } catch (Exception e) {
                    results.failed(NAME, pipeline.name(), e);
                }
            }
            for (int run = 1; run <= runs && !started.isEmpty(); run++) {
                for (SyncPipeline pipeline : started) {
                    pipeline.pauseApplying();
                }
                long seq = backlog(transactions);
                for (SyncPipeline pipeline : List.copyOf(started)) {
                    if (!drain(pipeline, run, transactions, seq)) {
                        started.remove(pipeline);
                    }
                }
            }
        } finally {
            for (SyncPipeline pipeline : pipelines) {
                pipeline.close();
            }
            bench.destination().execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    /**
     * Writes the backlog, then one heartbeat after it; returns the heartbeat's number. The source commits
     * without an fsync meanwhile (restored afterwards): how fast the backlog is built is not measured, and
     * a million row changes would otherwise take minutes per run.
     */
    private long backlog(int transactions) throws Exception {
        long started = System.nanoTime();
        MySqlServer source = bench.source();
        String syncBinlog = source.queryString("SELECT @@GLOBAL.sync_binlog");
        String flushAtCommit = source.queryString("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit");
        Sysbench.Result result;
        source.execute("SET GLOBAL sync_binlog = 0", "SET GLOBAL innodb_flush_log_at_trx_commit = 2");
        try {
            result = sysbench.finish(sysbench.startWriteOnly(0, 3600, transactions), "write-only");
        } finally {
            source.execute("SET GLOBAL sync_binlog = " + Integer.parseInt(syncBinlog),
                    "SET GLOBAL innodb_flush_log_at_trx_commit = " + Integer.parseInt(flushAtCommit));
        }
        long seq;
        try (java.sql.Connection c = bench.source().openConnection()) {
            seq = Heartbeat.bump(c, tables(), Heartbeat.visible(c, tables()) + 1);
        }
        log.say("  backlog: %,d transactions written in %.1f s (%,.0f trx/s)", result.transactions(),
                (System.nanoTime() - started) / 1e9, result.perSecond());
        return seq;
    }

    /** Drains the backlog; false (and the arm recorded as failed) if it could not. */
    private boolean drain(SyncPipeline pipeline, int run, int transactions, long seq) throws Exception {
        ProcessMeter meter = bench.meter();
        pipeline.processes().forEach(meter::watch);
        long started;
        try {
            pipeline.awaitBacklogReceived();
            started = System.nanoTime();
            pipeline.resumeApplying();
            awaitSeq(pipeline.target(), seq, Duration.ofMinutes(15));
        } catch (Exception e) {
            results.failed(NAME, pipeline.name(), e);
            return false;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long changes = (long) transactions * SteadyWorkload.CHANGES_PER_TRANSACTION;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("transactions", (double) transactions);
        metrics.put("trx_per_s", transactions / seconds);
        Measurement m = new Measurement(NAME, "", pipeline.name(), run, seconds, changes, 0, meter.cpuSeconds(),
                meter.peakMib(), metrics);
        results.add(m);
        log.say("  %-28s run %d: %,d transactions in %6.2f s = %,7.0f trx/s (%,.0f row changes/s)", pipeline.name(), run,
                transactions, seconds, transactions / seconds, m.rowsPerSecond());
        return true;
    }

    private void awaitSeq(MySqlServer target, long seq, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (java.sql.Connection c = target.openConnection()) {
            while (Heartbeat.visible(c, tables()) < seq) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the backlog was not drained within " + timeout.toMinutes() + " minutes");
                }
                Thread.sleep(10);
            }
        }
    }

    private List<String> tables() {
        return Heartbeat.tables(database, SteadyWorkload.TABLES);
    }
}
