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
            for (SyncPipeline pipeline : pipelines) {
                pipeline.start(database);
            }
            for (int run = 1; run <= runs; run++) {
                for (SyncPipeline pipeline : pipelines) {
                    pipeline.pauseApplying();
                }
                long seq = backlog(transactions);
                for (SyncPipeline pipeline : pipelines) {
                    drain(pipeline, run, transactions, seq);
                }
            }
        } finally {
            for (SyncPipeline pipeline : pipelines) {
                pipeline.close();
            }
            bench.destination().execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    /** Writes the backlog, then one heartbeat after it; returns the heartbeat's number. */
    private long backlog(int transactions) throws Exception {
        long started = System.nanoTime();
        Sysbench.Result result = sysbench.finish(sysbench.startWriteOnly(0, 3600, transactions), "write-only");
        bench.source().execute("UPDATE `" + database + "`.bench_heartbeat SET seq = seq + 1 WHERE id = 1");
        log.say("  backlog: %,d transactions written in %.1f s (%,.0f trx/s)", result.transactions(),
                (System.nanoTime() - started) / 1e9, result.perSecond());
        return Long.parseLong(bench.source().queryString("SELECT seq FROM `" + database + "`.bench_heartbeat WHERE id = 1"));
    }

    private void drain(SyncPipeline pipeline, int run, int transactions, long seq) throws Exception {
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
            return;
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
    }

    private void awaitSeq(MySqlServer target, long seq, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String sql = "SELECT seq FROM `" + database + "`.bench_heartbeat WHERE id = 1";
        while (Long.parseLong(target.queryString(sql)) < seq) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backlog was not drained within " + timeout.toMinutes() + " minutes");
            }
            Thread.sleep(10);
        }
    }
}
