package dev.ferry.bench;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.MySqlServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    /**
     * Waits until the sink has applied the whole snapshot of every table of {@code database}. The
     * progress table is read every 50 ms on one connection, the connectors' status once a second: a
     * new connection or REST call every 50 ms would add measurable CPU to the destination and the
     * worker, which the comparisons do not pay.
     */
    void awaitSnapshot(String database, Duration timeout) throws Exception {
        int tables = Integer.parseInt(bench.source().queryString(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database + "'"));
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextStatus = 0;
        try (Connection connection = bench.destination().openConnection()) {
            while (snapshotDone(connection, database) < tables) {
                if (System.nanoTime() - nextStatus > 0) {
                    failIfStopped();
                    nextStatus = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Ferry's snapshot of " + database + " did not complete within "
                            + timeout.toSeconds() + " s; see " + bench.stack().connect().logFile());
                }
                Thread.sleep(50);
            }
        }
    }

    private int snapshotDone(Connection connection, String database) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM ferry.sink_progress WHERE connector_name = '"
                     + pipeline.sinkName() + "' AND source_database = '" + database + "' AND snapshot_done")) {
            return result.next() ? result.getInt(1) : 0;
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
