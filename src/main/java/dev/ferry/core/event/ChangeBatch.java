package dev.ferry.core.event;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.schema.TableDef;

import java.util.List;
import java.util.Objects;

/**
 * The unit Ferry's source writes to Kafka and its sink applies: changes to one table, in source
 * order, with the table's definition so the sink needs no other schema source.
 *
 * @param kind what the batch carries
 * @param table the source table's definition
 * @param snapshotId the snapshot attempt for snapshot batches, else null
 * @param chunk the snapshot chunk's number within its attempt (0, 1, ...), or -1
 * @param watermark for {@link BatchKind#SNAPSHOT_END}: the snapshot's binlog point, else null
 * @param rows the row changes, empty for markers
 * @param conflictPolicy what the destination does with rows it already holds when a snapshot writes
 *        into it; the source sets it on every snapshot batch
 */
public record ChangeBatch(
        BatchKind kind,
        TableDef table,
        String snapshotId,
        long chunk,
        SourcePosition watermark,
        List<RowChange> rows,
        ConflictPolicy conflictPolicy) {

    public ChangeBatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        rows = List.copyOf(rows);
    }

    public ChangeBatch(BatchKind kind, TableDef table, String snapshotId, long chunk, SourcePosition watermark, List<RowChange> rows) {
        this(kind, table, snapshotId, chunk, watermark, rows, ConflictPolicy.FAIL);
    }

    /** This batch under another conflict policy. */
    public ChangeBatch withConflictPolicy(ConflictPolicy policy) {
        return new ChangeBatch(kind, table, snapshotId, chunk, watermark, rows, policy);
    }

    public static ChangeBatch changes(TableDef table, List<RowChange> rows) {
        return new ChangeBatch(BatchKind.ROWS, table, null, -1, null, rows);
    }

    public static ChangeBatch snapshotChunk(TableDef table, String snapshotId, long chunk, List<RowChange> rows) {
        return new ChangeBatch(BatchKind.ROWS, table, snapshotId, chunk, null, rows);
    }

    public static ChangeBatch snapshotBegin(TableDef table, String snapshotId) {
        return new ChangeBatch(BatchKind.SNAPSHOT_BEGIN, table, snapshotId, -1, null, List.of());
    }

    public static ChangeBatch snapshotEnd(TableDef table, String snapshotId, long chunks, SourcePosition watermark) {
        return new ChangeBatch(BatchKind.SNAPSHOT_END, table, snapshotId, chunks, watermark, List.of());
    }

    public boolean isSnapshot() {
        return snapshotId != null;
    }
}
