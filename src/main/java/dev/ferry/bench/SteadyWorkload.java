package dev.ferry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Steady sync: {@code sysbench oltp_write_only} on the source at each rate (ascending; 0 = open
 * loop), with the heartbeat measuring lag to the pipeline's target. An arm stops climbing at the first
 * rate it does not hold (the lag kept growing, or the target was still behind a minute later). The
 * rate sysbench achieved is reported next to the one asked for: on 2 shared cores it can fall short.
 */
final class SteadyWorkload {
    static final String NAME = "steady";
    /** Row changes per oltp_write_only transaction: an indexed and a non-indexed update, a delete, an insert. */
    static final int CHANGES_PER_TRANSACTION = 4;
    /** sysbench tables of the steady and catch-up databases. */
    static final int TABLES = 4;

    private final BenchStack bench;
    private final BenchLog log;
    private final Results results;
    private final BenchSizes sizes;
    private final Sysbench sysbench;
    private final String database;

    SteadyWorkload(BenchStack bench, BenchLog log, Results results, BenchSizes sizes, Sysbench sysbench, String database) {
        this.bench = bench;
        this.log = log;
        this.results = results;
        this.sizes = sizes;
        this.sysbench = sysbench;
        this.database = database;
    }

    void run(Supplier<SyncPipeline> arm, int runs) throws Exception {
        bench.destination().execute("DROP DATABASE IF EXISTS `" + database + "`");
        try (SyncPipeline pipeline = arm.get()) {
            String name = pipeline.name();
            try {
                pipeline.start(database);
            } catch (Exception e) {
                results.failed(NAME, name, e);
                return;
            }
            try (Heartbeat heartbeat = new Heartbeat(bench.source(), pipeline.target(), Heartbeat.tables(database, TABLES))) {
                if (!heartbeat.awaitCaughtUp(60_000)) {
                    results.failed(NAME, name, new IllegalStateException("the heartbeat did not arrive within 60 s"));
                    return;
                }
                for (int rate : sizes.steadyRates()) {
                    if (!rate(pipeline, heartbeat, rate, runs)) {
                        results.note(name + ": rates above " + variant(rate) + " not run (" + variant(rate) + " was not held)");
                        break;
                    }
                }
            } catch (Exception e) {
                results.failed(NAME, name, e);
            }
        } finally {
            bench.destination().execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    /** Runs one rate {@code runs} times; true if the median run held it. */
    private boolean rate(SyncPipeline pipeline, Heartbeat heartbeat, int rate, int runs) throws Exception {
        int held = 0;
        for (int run = 1; run <= runs; run++) {
            ProcessMeter meter = bench.meter();
            pipeline.processes().forEach(meter::watch);
            heartbeat.clearSamples();
            long started = System.nanoTime();
            Process load = sysbench.startWriteOnly(rate, sizes.steadySeconds(), 0);
            meter.watchNew("sysbench", load.pid());
            while (load.isAlive()) {
                meter.sample();
                Thread.sleep(200);
            }
            Sysbench.Result result = sysbench.finish(load, "write-only");
            double seconds = (System.nanoTime() - started) / 1e9;
            LagStats lag = LagStats.of(heartbeat.samples());
            boolean caughtUp = heartbeat.awaitCaughtUp(60_000);
            boolean ok = !lag.growing() && caughtUp;
            held += ok ? 1 : 0;
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("target_trx_per_s", (double) rate);
            metrics.put("achieved_trx_per_s", result.perSecond());
            metrics.put("lag_p50_ms", lag.p50Millis());
            metrics.put("lag_p99_ms", lag.p99Millis());
            metrics.put("lag_max_ms", lag.maxMillis());
            metrics.put("held", ok ? 1.0 : 0.0);
            results.add(new Measurement(NAME, variant(rate), pipeline.name(), run, seconds,
                    result.transactions() * CHANGES_PER_TRANSACTION, 0, meter.cpuSeconds(), meter.peakMib(), metrics));
            log.say("  %-28s %-12s run %d: %,7.0f trx/s, lag p50 %,6.0f ms p99 %,6.0f ms max %,6.0f ms%s", pipeline.name(),
                    variant(rate), run, result.perSecond(), lag.p50Millis(), lag.p99Millis(), lag.maxMillis(),
                    ok ? "" : "  (not held" + (caughtUp ? "" : "; still behind 60 s later") + ")");
            if (!caughtUp) {
                return false;
            }
        }
        return held * 2 > runs;
    }

    static String variant(int rate) {
        return rate == 0 ? "open loop" : rate + " trx/s";
    }

    static List<String> arms() {
        return List.of("Ferry", "MySQL replica (1 thread)", "MySQL replica (4 workers)", "Debezium source + JDBC sink");
    }
}
