package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.time.Duration;
import java.util.Map;

/** A MySQL replica of the source as a {@link SyncPipeline}; pausing stops its SQL thread only. */
final class ReplicaSync implements SyncPipeline {
    private final BenchStack bench;
    private final int workers;
    private Replica replica;

    ReplicaSync(BenchStack bench, int workers) {
        this.bench = bench;
        this.workers = workers;
    }

    @Override
    public String name() {
        return workers <= 1 ? "MySQL replica (1 thread)" : "MySQL replica (" + workers + " workers)";
    }

    @Override
    public MySqlServer target() {
        return replica.server();
    }

    @Override
    public void start(String database) throws Exception {
        replica = Replica.start(bench, database, workers);
        replica.awaitApplied(bench.source().queryString("SELECT @@GLOBAL.gtid_executed"), Duration.ofMinutes(5));
    }

    @Override
    public void pauseApplying() throws Exception {
        replica.stopApplier();
    }

    @Override
    public void awaitBacklogReceived() throws Exception {
        replica.awaitReceived(bench.source().queryString("SELECT @@GLOBAL.gtid_executed"), Duration.ofMinutes(5));
    }

    @Override
    public void resumeApplying() throws Exception {
        replica.startApplier();
    }

    @Override
    public Map<String, Long> processes() {
        return Map.of("mysqld replica", replica.pid());
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }
}
