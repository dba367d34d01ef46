package dev.ferry.bench;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.MySqlServer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Ferry deployed from {@code connector-config/} as users deploy it: snapshot, then the binlog. The
 * snapshot is complete when {@code ferry.sink_progress} marks every table done.
 */
final class FerrySync implements SyncPipeline {
    private final BenchStack bench;
    private final String name;
    private FerryPipeline pipeline;

    FerrySync(BenchStack bench, String name) {
        this.bench = bench;
        this.name = name;
    }


    @Override
    public String name() {
        return "Ferry";
    }

    @Override
    public MySqlServer target() {
        return bench.destination();
    }

    @Override
    public void start(String database) throws Exception {
        deploy(database);
        awaitSnapshot(database, Duration.ofMinutes(20));
    }

    /** Deploys sink and source; returns once both run. */
    void deploy(String database) {
        pipeline = new FerryPipeline(bench.stack(), Path.of("connector-config"), name, database);
        pipeline.deploy(bench.ferrySourceOptions(), bench.ferrySinkOptions());
    }

    /** Waits until the sink has applied the whole snapshot of every table of {@code database}. */
    void awaitSnapshot(String database, Duration timeout) throws Exception {
        int tables = Integer.parseInt(bench.source().queryString(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database + "'"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (snapshotDone(database) < tables) {
            failIfStopped();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Ferry's snapshot of " + database + " did not complete within "
                        + timeout.toSeconds() + " s; see " + bench.stack().connect().logFile());
            }
            Thread.sleep(50);
        }
    }

    private int snapshotDone(String database) throws SQLException {
        try {
            String done = bench.destination().queryString("SELECT COUNT(*) FROM ferry.sink_progress WHERE connector_name = '"
                    + pipeline.sinkName() + "' AND source_database = '" + database + "' AND snapshot_done");
            return done == null ? 0 : Integer.parseInt(done);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return 0;
            }
            throw e;
        }
    }

    private void failIfStopped() {
        for (String connector : new String[] {pipeline.sourceName(), pipeline.sinkName()}) {
            bench.stack().rest().status(connector).failure().ifPresent(failure -> {
                throw new IllegalStateException(connector + " failed: " + failure);
            });
        }
    }

    @Override
    public void pauseApplying() throws InterruptedException {
        bench.pause(pipeline.sinkName());
    }

    @Override
    public void resumeApplying() {
        bench.stack().rest().resume(pipeline.sinkName());
    }

    @Override
    public void close() throws Exception {
        bench.removeConnectorsAndTopics(Set.of(pipeline.topicPrefix() + "."));
    }
}
