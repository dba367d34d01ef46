package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourceConnections;
import dev.ferry.source.SourceRecords;
import dev.ferry.source.catalog.TableCatalog;
import dev.ferry.core.config.MigrationType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot phase, on its own thread so reading the source overlaps writing to Kafka: opens one
 * consistent snapshot, and for every selected table not yet completed emits SNAPSHOT_BEGIN, the
 * table's rows in chunks (when full migration is on) and SNAPSHOT_END with the snapshot's binlog
 * point. The SNAPSHOT_END record's offset marks the table completed, so a restart re-reads only
 * the tables that were not.
 */
public final class SnapshotRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRunner.class);

    private final FerrySourceConfig config;
    private final SourceConnections connections;
    private final SourceRecords records;
    private final BlockingQueue<SourceRecord> out;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicReference<Connection> reading = new AtomicReference<>();
    private volatile SnapshotState state;
    private volatile boolean finished;
    private volatile long rowsRead;

    public SnapshotRunner(FerrySourceConfig config, SourceConnections connections, SourceRecords records,
                          SnapshotState resumeFrom, BlockingQueue<SourceRecord> out) {
        this.config = config;
        this.connections = connections;
        this.records = records;
        this.state = resumeFrom;
        this.out = out;
    }

    @Override
    public void run() {
        try (Connection snapshot = connections.open(); Connection probe = connections.open()) {
            reading.set(snapshot);
            BinlogCoordinates point = ConsistentSnapshot.open(snapshot, probe, config.includes(MigrationType.INCREMENTAL));
            List<TableId> tables = TableCatalog.selectedTables(snapshot, config.selection());
            String snapshotId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            for (TableId table : tables) {
                if (!state.isCompleted(table)) {
                    snapshotTable(snapshot, table, snapshotId, point);
                }
            }
            snapshot.commit();
            state = state.finished(point);
            out.put(records.lifecycle("snapshot_complete", summary(tables.size(), started), state.toOffset()));
            LOG.info("Snapshot complete: {} tables, {} rows in {} s", tables.size(), rowsRead, seconds(started));
        }
        catch (InterruptedException e) {
            // Stopped by the task: the phase is not complete and must not be taken as such.
            failure.set(e);
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            failure.set(e);
        }
        finally {
            reading.set(null);
            finished = true;
        }
    }

    private void snapshotTable(Connection snapshot, TableId table, String snapshotId, BinlogCoordinates point) throws Exception {
        TableDef def = TableCatalog.read(snapshot, table);
        if (def == null) {
            LOG.info("Table {} was dropped before its snapshot; skipping it", table);
            return;
        }
        MappedTable mapped = mapped(def);
        TableDef destination = mapped.destination();
        ConflictPolicy policy = config.conflictPolicy();
        long started = System.nanoTime();
        out.put(records.snapshotBatch(table, ChangeBatch.snapshotBegin(destination, snapshotId).withConflictPolicy(policy),
                state.toOffset()));
        TableSnapshotReader.Result result = new TableSnapshotReader.Result(0, 0);
        if (config.includes(MigrationType.FULL)) {
            Map<String, Object> offset = state.toOffset();
            TableSnapshotReader reader = new TableSnapshotReader(config.snapshotChunkRows(), config.snapshotChunkBytes());
            result = reader.read(snapshot, mapped, snapshotId, policy, chunk -> {
                rowsRead += chunk.rows().size();
                out.put(records.snapshotBatch(table, chunk, offset));
            });
        }
        state = state.withCompleted(table, point);
        out.put(records.snapshotBatch(table, ChangeBatch.snapshotEnd(destination, snapshotId, result.chunks(),
                point == null ? null : point.watermark()).withConflictPolicy(policy), state.toOffset()));
        LOG.info("Snapshot of {} into {}: {} rows in {} s", table, destination.id(), result.rows(), seconds(started));
    }

    private MappedTable mapped(TableDef def) {
        try {
            return config.mapping().map(def);
        }
        catch (MappingException e) {
            throw new ConnectException(e.getMessage() + " (setting " + e.configKey() + ")", e);
        }
    }

    private Map<String, Object> summary(int tables, long started) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tables", tables);
        details.put("rows", rowsRead);
        details.put("seconds", seconds(started));
        details.put("stream_from", state.streamFrom() == null ? null : state.streamFrom().toString());
        return details;
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
    }

    public boolean finished() {
        return finished;
    }

    public Exception failure() {
        return failure.get();
    }

    public SnapshotState state() {
        return state;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** Stops a running snapshot; a streaming read is aborted rather than drained. */
    public void abort() {
        Connection connection = reading.get();
        if (connection != null) {
            try {
                connection.abort(Executors.newSingleThreadExecutor());
            }
            catch (Exception e) {
                LOG.debug("Aborting the snapshot connection failed", e);
            }
        }
    }
}
