package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A second MySQL server replicating the source with GTID auto-positioning, the reference for what
 * applying a binlog costs: single-threaded, or with parallel workers (LOGICAL_CLOCK, commit order
 * kept; the source tracks WRITESET dependencies). It starts from a copy of one database taken while
 * the source is quiet, with {@code gtid_purged} set to the source's executed set.
 */
final class Replica implements AutoCloseable {
    private final BenchStack bench;
    private final MySqlServer server;
    private final int workers;

    private Replica(BenchStack bench, MySqlServer server, int workers) {
        this.bench = bench;
        this.server = server;
        this.workers = workers;
    }

    static Replica start(BenchStack bench, String database, int workers) throws Exception {
        MySqlServer source = bench.source();
        MySqlServer server = bench.newReplicaServer(workers <= 1 ? "replica-single" : "replica-parallel");
        Replica replica = new Replica(bench, server, workers);
        try {
            String executed = source.queryString("SELECT @@GLOBAL.gtid_executed");
            DumpPipe.copy(source, server, database, null, bench.workDir().resolve("replica-copy"));
            server.execute("RESET MASTER", "SET GLOBAL gtid_purged = '" + executed + "'",
                    "SET GLOBAL slave_parallel_type = 'LOGICAL_CLOCK'",
                    "SET GLOBAL slave_parallel_workers = " + (workers <= 1 ? 0 : workers),
                    "SET GLOBAL slave_preserve_commit_order = " + (workers <= 1 ? "OFF" : "ON"),
                    "CHANGE MASTER TO MASTER_HOST = '" + source.host() + "', MASTER_PORT = " + source.port()
                            + ", MASTER_USER = 'root', MASTER_PASSWORD = '', MASTER_AUTO_POSITION = 1, GET_MASTER_PUBLIC_KEY = 1",
                    "START SLAVE");
            return replica;
        } catch (Exception e) {
            replica.close();
            throw e;
        }
    }

    MySqlServer server() {
        return server;
    }

    String name() {
        return workers <= 1 ? "MySQL replica, single-threaded" : "MySQL replica, " + workers + " parallel workers";
    }

    void stopApplier() throws SQLException {
        server.execute("STOP SLAVE SQL_THREAD");
    }

    void startApplier() throws SQLException {
        server.execute("START SLAVE SQL_THREAD");
    }

    /** Waits until the replica has received (not necessarily applied) every transaction in {@code gtids}. */
    void awaitReceived(String gtids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String received = slaveStatus("Retrieved_Gtid_Set");
            if (received != null && !received.isEmpty() && "1".equals(server.queryString(
                    "SELECT GTID_SUBSET('" + gtids + "', CONCAT(@@GLOBAL.gtid_executed, ',', '" + received.replace("\n", "") + "'))"))) {
                return;
            }
            failIfBroken();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not receive the backlog within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the replica has applied every transaction in {@code gtids}. */
    void awaitApplied(String gtids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"1".equals(server.queryString("SELECT GTID_SUBSET('" + gtids + "', @@GLOBAL.gtid_executed)"))) {
            failIfBroken();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not apply the backlog within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    long pid() {
        return server.pid();
    }

    private void failIfBroken() throws SQLException {
        String error = slaveStatus("Last_Error");
        if (error != null && !error.isEmpty()) {
            throw new IllegalStateException(name() + " stopped: " + error);
        }
    }

    private String slaveStatus(String column) throws SQLException {
        try (Connection c = server.openConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SHOW SLAVE STATUS")) {
            return rows.next() ? rows.getString(column) : null;
        }
    }

    @Override
    public void close() {
        bench.stopReplica(server);
    }
}
