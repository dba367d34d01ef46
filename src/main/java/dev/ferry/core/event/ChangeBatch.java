package dev.ferry.core.event;

import dev.ferry.core.TableId;
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
 * @param watermark for {@link BatchKind#SNAPSHOT_END}: the snapshot's binlog point; for {@link BatchKind#DDL}: the
 *        statement's binlog position; else null
 * @param rows the row changes, empty for markers
 * @param conflictPolicy what the destination does with rows it already holds when a snapshot writes
 *        into it; the source sets it on every snapshot batch
 * @param statements for {@link BatchKind#SCHEMA}: the DDL statements to run on the destination, else empty
 * @param cascadeColumns for {@link BatchKind#CASCADE}: the child's referencing columns, else empty
 * @param cascadeStep for {@link BatchKind#CASCADE}: how the sink follows the cascade further (a tree, deeper
 *        tables, a level below the first), else null
 */
public record ChangeBatch(
        BatchKind kind,
        TableDef table,
        String snapshotId,
        long chunk,
        SourcePosition watermark,
        List<RowChange> rows,
        ConflictPolicy conflictPolicy,
        List<String> statements,
        List<String> cascadeColumns,
        CascadeStep cascadeStep) {

    /** The placeholder table name of {@link BatchKind#OBJECTS} batches, and of their topic and progress. */
    public static final String OBJECTS_TABLE = "__ferry_objects";

    public ChangeBatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        rows = List.copyOf(rows);
        statements = List.copyOf(statements);
        cascadeColumns = List.copyOf(cascadeColumns);
        if (kind == BatchKind.CASCADE && cascadeStep == null) {
            cascadeStep = CascadeStep.FIRST_LEVEL_ONLY;
        }
    }

    public ChangeBatch(BatchKind kind, TableDef table, String snapshotId, long chunk, SourcePosition watermark, List<RowChange> rows) {
        this(kind, table, snapshotId, chunk, watermark, rows, ConflictPolicy.FAIL, List.of(), List.of(), null);
    }

    /** This batch under another conflict policy. */
    public ChangeBatch withConflictPolicy(ConflictPolicy policy) {
        return new ChangeBatch(kind, table, snapshotId, chunk, watermark, rows, policy, statements, cascadeColumns, cascadeStep);
    }

    /** The schema of a table, created on the destination ahead of the snapshot attempt {@code snapshotId}. */
    public static ChangeBatch schema(TableDef table, String snapshotId, List<String> statements) {
        return new ChangeBatch(BatchKind.SCHEMA, table, snapshotId, -1, null, List.of(), ConflictPolicy.FAIL, statements, List.of(), null);
    }

    /** The stored objects of destination database {@code database}, created ahead of snapshot attempt {@code snapshotId}. */
    public static ChangeBatch objects(String database, String snapshotId, List<String> statements) {
        return new ChangeBatch(BatchKind.OBJECTS, new TableDef(new TableId(database, OBJECTS_TABLE), List.of(), List.of()), snapshotId,
                -1, null, List.of(), ConflictPolicy.FAIL, statements, List.of(), null);
    }

    /** A DDL statement changing {@code table} (its destination definition before the change), at {@code position}. */
    public static ChangeBatch ddl(TableDef table, SourcePosition position, String statement) {
        return new ChangeBatch(BatchKind.DDL, table, null, -1, position, List.of(), ConflictPolicy.FAIL, List.of(statement), List.of(), null);
    }

    /** DDL statements run in order at {@code position}, as one step (stored objects: a drop, a sql_mode, a create). */
    public static ChangeBatch ddl(TableDef table, SourcePosition position, List<String> statements) {
        return new ChangeBatch(BatchKind.DDL, table, null, -1, position, List.of(), ConflictPolicy.FAIL, statements, List.of(), null);
    }

    /** Changes a cascading foreign key made to rows of {@code child}, matched on {@code columns}. */
    public static ChangeBatch cascade(TableDef child, List<String> columns, List<RowChange> rows) {
        return cascade(child, columns, rows, CascadeStep.FIRST_LEVEL_ONLY);
    }

    /** A cascade's first level on {@code child}, followed further as {@code step} says. */
    public static ChangeBatch cascade(TableDef child, List<String> columns, List<RowChange> rows, CascadeStep step) {
        return new ChangeBatch(BatchKind.CASCADE, child, null, -1, null, rows, ConflictPolicy.FAIL, List.of(), columns, step);
    }

    /**
     * A level below the first of a cascade on {@code table}, at {@code position} (the parent change's binlog
     * row, with a sub-index after the levels above): the step's rows come from the ledger entry it names.
     */
    public static ChangeBatch cascadeLevel(TableDef table, SourcePosition position, CascadeStep step) {
        if (!step.follows()) {
            throw new IllegalArgumentException("A cascade level of " + table.id() + " names no ledger entry to follow");
        }
        return new ChangeBatch(BatchKind.CASCADE, table, null, -1, null, List.of(new RowChange(RowOp.DELETE, position, null, null)),
                ConflictPolicy.FAIL, List.of(), List.of(), step);
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
