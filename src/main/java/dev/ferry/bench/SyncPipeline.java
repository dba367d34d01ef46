package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.util.Map;

/** Something that keeps a copy of a source database in sync: Ferry, Debezium's pair, a MySQL replica. */
interface SyncPipeline extends AutoCloseable {

    /** The name in the report. */
    String name();

    /** Where the copy is, and where the heartbeat is read. */
    MySqlServer target();

    /** Starts syncing {@code database} and returns once the initial copy is complete. */
    void start(String database) throws Exception;

    /** Stops applying changes; they keep arriving (Kafka topics, relay log) and form a backlog. */
    void pauseApplying() throws Exception;

    void resumeApplying() throws Exception;

    /** Waits until the backlog written so far has reached the pipeline (e.g. a replica's relay log). */
    default void awaitBacklogReceived() throws Exception {
    }

    /** Extra processes to meter, by name (e.g. a replica's mysqld). */
    default Map<String, Long> processes() {
        return Map.of();
    }

    @Override
    void close() throws Exception;
}
