package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.ddl.OnlineSchemaChange;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourceConnections;
import dev.ferry.source.SourceRecords;
import dev.ferry.source.catalog.TableCatalog;
import dev.ferry.source.schema.SchemaReader;
import dev.ferry.source.schema.StoredObjectReader;
import dev.ferry.core.config.MigrationType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
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
            // Shadow tables of an online schema change running now are not migrated; the change lands at its cut-over.
            OnlineSchemaChange shadows = new OnlineSchemaChange(config.mapping());
            List<TableId> tables = TableCatalog.selectedTables(snapshot, config.selection()).stream()
                    .filter(t -> shadows.realTableOf(t) == null).toList();
            String snapshotId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            // Every table's topic gets its first records before any table's rows: the sink's consumers see all
            // the topics in one rebalance and its tasks load tables side by side from the start.
            List<MappedTable> begun = new ArrayList<>();
            for (TableId table : tables) {
                if (!state.isCompleted(table)) {
                    MappedTable mapped = beginTable(snapshot, table, snapshotId);
                    if (mapped != null) {
                        begun.add(mapped);
                    }
                }
            }
            for (MappedTable mapped : begun) {
                copyTable(snapshot, mapped, snapshotId, point);
            }
            if (config.includes(MigrationType.SCHEMA)) {
                sendStoredObjects(snapshot, tables, snapshotId);
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

    /** Sends a table's schema step (when migrated) and SNAPSHOT_BEGIN; null when the table is gone. */
    private MappedTable beginTable(Connection snapshot, TableId table, String snapshotId) throws Exception {
        TableDef def = TableCatalog.read(snapshot, table);
        if (def == null) {
            LOG.info("Table {} was dropped before its snapshot; skipping it", table);
            return null;
        }
        MappedTable mapped = mapped(def);
        TableDef destination = mapped.destination();
        if (config.includes(MigrationType.SCHEMA)) {
            // Read inside the snapshot's transaction, and sent ahead of SNAPSHOT_BEGIN on the table's topic:
            // the destination creates the table before any of its rows arrive.
            List<String> ddl = new SchemaReader(config.mapping()).statements(snapshot, def);
            out.put(records.snapshotBatch(table, ChangeBatch.schema(destination, snapshotId, ddl), state.toOffset()));
        }
        out.put(records.snapshotBatch(table, ChangeBatch.snapshotBegin(destination, snapshotId).withConflictPolicy(config.conflictPolicy()),
                state.toOffset()));
        return mapped;
    }

    /** Sends a begun table's rows and its SNAPSHOT_END. */
    private void copyTable(Connection snapshot, MappedTable mapped, String snapshotId, BinlogCoordinates point) throws Exception {
        TableId table = mapped.source().id();
        TableDef destination = mapped.destination();
        ConflictPolicy policy = config.conflictPolicy();
        long started = System.nanoTime();
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

    /**
     * For every database selected as a whole that has views, routines or triggers: one OBJECTS record,
     * after its tables' snapshots, with its tables' CREATE statements ahead of the objects' (see
     * {@link dev.ferry.core.event.BatchKind#OBJECTS}).
     */
    private void sendStoredObjects(Connection snapshot, List<TableId> tables, String snapshotId) throws Exception {
        Map<String, List<TableId>> byDatabase = new LinkedHashMap<>();
        tables.forEach(t -> byDatabase.computeIfAbsent(t.database(), d -> new java.util.ArrayList<>()).add(t));
        StoredObjectReader objects = new StoredObjectReader(config.mapping(), config.migratesEvents());
        SchemaReader schema = new SchemaReader(config.mapping());
        for (Map.Entry<String, List<TableId>> database : byDatabase.entrySet()) {
            String name = database.getKey();
            if (!config.mapping().isWholeDatabaseSelected(name)) {
                continue;
            }
            List<String> created = objects.statements(snapshot, name);
            if (created.isEmpty()) {
                continue;
            }
            List<String> statements = new java.util.ArrayList<>();
            for (TableId table : database.getValue()) {
                TableDef def = TableCatalog.read(snapshot, table);
                if (def != null) {
                    List<String> ddl = schema.statements(snapshot, def);
                    statements.addAll(statements.isEmpty() ? ddl : ddl.subList(1, ddl.size()));
                }
            }
            statements.addAll(created);
            out.put(records.snapshotBatch(new TableId(name, ChangeBatch.OBJECTS_TABLE),
                    ChangeBatch.objects(config.mapping().destinationDatabase(name), snapshotId, statements), state.toOffset()));
            LOG.info("Schema migration: {} statements for the views, routines and triggers of {}", created.size(), name);
        }
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
