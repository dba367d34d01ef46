package dev.ferry.sink;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.BatchKind;
import dev.ferry.core.event.CascadeStep;
import dev.ferry.core.event.CascadeStep.LedgerEntry;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.bind.BinderRegistry;
import dev.ferry.sink.buffer.TableBuffer;
import dev.ferry.sink.dialect.DeleteAllStatement;
import dev.ferry.sink.dialect.TableHasRowsQuery;
import dev.ferry.sink.progress.BatchPlan;
import dev.ferry.sink.progress.CascadeLedger;
import dev.ferry.sink.progress.ProgressRules;
import dev.ferry.sink.progress.ProgressStore;
import dev.ferry.sink.progress.TableProgress;
import dev.ferry.sink.session.SessionSettings;
import dev.ferry.sink.write.BufferWriter;
import dev.ferry.sink.write.CascadeApplier;
import dev.ferry.sink.write.DdlRunner;
import dev.ferry.sink.write.DependencyWait;
import dev.ferry.sink.write.DestinationTables;
import dev.ferry.sink.write.JsonScalarFunctions;
import dev.ferry.sink.write.LoadDataWriter;
import dev.ferry.sink.write.StatementKind;
import dev.ferry.sink.write.StatementLimits;
import dev.ferry.sink.write.StatementWriter;
import dev.ferry.sink.write.WriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies change batches to the destination, each change exactly once. For every batch the
 * {@link ProgressRules} decide, from the progress recorded for its table, what to apply;
 * rows collect in per-table buffers; at commit the buffers are written and the progress rows with
 * them, in one transaction (snapshot rows, which need no reduction, are written as soon as sixteen
 * statements' worth is buffered, still inside that transaction). {@link #apply} commits everything it was given before it returns, and
 * commits earlier whenever {@code transaction.max.rows} rows are pending. A failure rolls back the
 * open transaction and forgets all cached progress, so applying the same batches again is safe.
 *
 * <p>Besides rows: SCHEMA and OBJECTS batches create tables and stored objects (schema migration),
 * CASCADE batches repeat what a cascading foreign key did on the source (a level below the first waits
 * until the level above it is applied, see {@link #apply(List, List)}), and DDL batches replay a
 * statement; each after everything its table received before it, each recorded in the progress table
 * so it applies once.
 */
public final class ChangeEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEventSink.class);
    /** Snapshot rows of a table are written once this many statements' worth ({@code batch.size}) is buffered. */
    private static final int EARLY_WRITE_STATEMENTS = 16;

    private final DataSource dataSource;
    private final DdlRunner ddl;
    private final int batchSize;
    private final int transactionMaxRows;
    private final DestinationTables tables;
    private final ProgressStore progress;
    private final BinderRegistry binders = BinderRegistry.standard();
    private final Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
    private final LoadDataWriter loads;
    private final CascadeApplier cascades = new CascadeApplier(binders);
    private final JsonScalarFunctions jsonFunctions;
    private final CascadeLedger ledger;
    /** The ledger entries written in the open transaction: deeper steps in it may read them. */
    private final Set<LedgerEntry> recordedInTransaction = new HashSet<>();
    private final DependencyWait dependencyWait;
    private StatementLimits limits;
    private int pendingRows;

    public ChangeEventSink(FerrySinkConfig config, DataSource dataSource) {
        this(config, dataSource, new LoadDataWriter(config.loadData(), config.loadDataMinRows()));
    }

    /** @param loads writes runs of rows with LOAD DATA when it can; one instance per sink */
    public ChangeEventSink(FerrySinkConfig config, DataSource dataSource, LoadDataWriter loads) {
        this.dataSource = dataSource;
        this.batchSize = config.batchSize();
        this.transactionMaxRows = config.transactionMaxRows();
        this.loads = loads;
        this.tables = new DestinationTables(config.tableAutoCreate());
        this.progress = new ProgressStore(config.connectorName(), config.stateDatabase());
        this.ledger = new CascadeLedger(config.connectorName(), config.stateDatabase());
        this.jsonFunctions = new JsonScalarFunctions(config.stateDatabase());
        this.ddl = new DdlRunner(config.ddlErrorPolicy());
        this.dependencyWait = new DependencyWait(config.ddlDependencyWait());
    }

    /** Creates the state database and progress table if missing. */
    public void start() throws WriteException {
        try (Connection connection = dataSource.getConnection()) {
            progress.createTable(connection);
            ledger.createTable(connection);
            connection.commit();
        }
        catch (SQLException e) {
            throw StatementWriter.failure(progress.table(), List.of(), StatementKind.PROGRESS, e);
        }
    }

    /**
     * Drops the cached progress rows. Another task may have applied a table's changes while its
     * partition was assigned elsewhere, so after a rebalance progress is read again.
     */
    public void forgetProgress() {
        progress.invalidate();
    }

    /** Applies the batches in order and commits; every batch must be ready (see {@link #apply(List, List)}). */
    public void apply(List<ChangeBatch> batches) throws WriteException {
        List<Integer> deferred = apply(batches, Collections.nCopies(batches.size(), "all"));
        if (!deferred.isEmpty()) {
            throw new IllegalStateException("A batch of " + batches.get(deferred.get(0)).table().id() + " waits (a cascade "
                    + "level for the level above it, or a view's DDL for its tables), which these batches do not bring");
        }
    }

    /**
     * Applies the batches and commits, in order within each lane (a topic partition). Two kinds of batch can
     * wait: a level below the first of a cascade, until the level above it is applied (by an earlier batch of
     * this call, or committed by any task), and the DDL of a view, until the destination has the tables and
     * columns it names ({@link DependencyWait}), whose own DDL travels on their tables' topics. A batch that
     * waits and the rest of its lane are not applied; the others are, and the batches of the held lanes are
     * tried again after each pass that applied something.
     *
     * @param lanes one per batch: batches of one lane keep their order
     * @return the indexes of the batches not applied, in order
     */
    public List<Integer> apply(List<ChangeBatch> batches, List<?> lanes) throws WriteException {
        if (batches.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             StatementWriter writer = new StatementWriter(connection, binders)) {
            if (limits == null) {
                limits = new StatementLimits(batchSize, maxAllowedPacket(connection));
            }
            LoadDataWriter.guard(connection);
            return applyAll(batches, lanes, writer);
        }
        catch (SQLException e) {
            throw StatementWriter.failure(null, List.of(), StatementKind.CONNECT, e);
        }
    }

    private List<Integer> applyAll(List<ChangeBatch> batches, List<?> lanes, StatementWriter writer) throws WriteException {
        BufferWriter out = new BufferWriter(writer, limits, loads);
        try {
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                pending.add(i);
            }
            boolean applied = true;
            while (applied && !pending.isEmpty()) {
                applied = false;
                Set<Object> held = new HashSet<>();
                List<Integer> deferred = new ArrayList<>();
                for (int i : pending) {
                    if (!held.contains(lanes.get(i)) && applyBatch(batches.get(i), writer, out)) {
                        applied = true;
                    }
                    else {
                        held.add(lanes.get(i));
                        deferred.add(i);
                    }
                }
                pending = deferred;
            }
            commit(writer, out);
            return pending;
        }
        catch (WriteException | RuntimeException e) {
            writer.rollback(e);
            progress.invalidate();
            buffers.clear();
            recordedInTransaction.clear();
            pendingRows = 0;
            throw e;
        }
    }

    /**
     * Applies one batch; false, with nothing changed, for a cascade level whose level above is not applied yet
     * and for a view's DDL that waits for its tables.
     */
    private boolean applyBatch(ChangeBatch batch, StatementWriter writer, BufferWriter out) throws WriteException {
        // The source maps names, columns and rows: a batch arrives in the destination table's shape.
        TableDef destination = batch.table();
        TableId table = destination.id();
        if (batch.kind() == BatchKind.SCHEMA) {
            applySchema(batch, writer, out);
            return true;
        }
        if (batch.kind() == BatchKind.OBJECTS) {
            applyObjects(batch, writer, out);
            return true;
        }
        TableProgress current = currentProgress(writer, table);
        BatchPlan plan = ProgressRules.plan(current, batch);
        if (plan.action() == BatchPlan.Action.SKIP) {
            // Before any table check: a batch applied before a rename, delivered again, must not create the old name.
            return true;
        }
        if (batch.kind() != BatchKind.DDL && !tables.isKnown(destination.id())) {
            // Creating a table is DDL, which commits: first commit pending rows together with their progress.
            commit(writer, out);
            tables.ensure(writer, destination);
        }
        switch (plan.action()) {
            case SKIP -> {
                return true;
            }
            case RESTART_SNAPSHOT -> restartSnapshot(batch, destination, current, writer, out);
            case APPLY_ROWS -> {
                List<RowChange> rows = jsonFunctions.prepare(destination, plan.rows(), writer, () -> commit(writer, out));
                if (batch.kind() != BatchKind.CASCADE) {
                    buffer(destination, rows, batch.isSnapshot() && current.keepsExistingRows(), out);
                }
                else if (!applyCascade(destination, batch, rows, writer, out)) {
                    return false;
                }
            }
            case APPLY_DDL -> {
                if (!applyDdl(batch, writer, out)) {
                    return false;
                }
            }
            case CREATE_SCHEMA -> throw new IllegalStateException("a schema plan for a " + batch.kind() + " batch");
            case RECORD_PROGRESS -> LOG.info("Snapshot {} of {} is applied; binlog changes after {} follow",
                    batch.snapshotId(), table, batch.watermark());
        }
        progress.update(table, plan.next());
        pendingRows += plan.rows().size();
        if (pendingRows >= transactionMaxRows) {
            commit(writer, out);
        }
        return true;
    }

    /**
     * Replays a DDL statement after everything buffered before it; its position is recorded with the next commit.
     * On a database's objects topic the batch holds the statements of one view or routine; false when
     * it waits for its tables.
     */
    private boolean applyDdl(ChangeBatch batch, StatementWriter writer, BufferWriter out) throws WriteException {
        commit(writer, out);
        if (batch.table().id().table().equals(ChangeBatch.OBJECTS_TABLE)) {
            return ddl.replayObject(writer, batch.table().id(), batch.watermark(), batch.statements(), SessionSettings.INIT_SQL,
                    dependencyWait);
        }
        ddl.replay(writer, batch.table().id(), batch.watermark(), batch.statements().get(0));
        tables.forget(batch.table().id());
        return true;
    }

    /** The schema step of a table: DDL, which commits, so pending rows are committed first. */
    private void applySchema(ChangeBatch batch, StatementWriter writer, BufferWriter out) throws WriteException {
        BatchPlan plan = ProgressRules.plan(currentProgress(writer, batch.table().id()), batch);
        if (plan.action() == BatchPlan.Action.CREATE_SCHEMA) {
            commit(writer, out);
            tables.createSchema(writer, batch.table(), batch.statements());
        }
    }

    /**
     * Repeats one step of a source cascade on a table ({@link CascadeApplier}), after the table's changes
     * buffered before it (they came earlier on the same topic), with foreign key checks still off like every
     * other write. A level below the first reads the ledger entry of the level above, which must be applied
     * already (false if not: nothing is changed); a step that deeper levels follow records its own entry.
     */
    private boolean applyCascade(TableDef table, ChangeBatch batch, List<RowChange> rows, StatementWriter writer,
                                 BufferWriter out) throws WriteException {
        CascadeStep step = batch.cascadeStep();
        Optional<List<CascadeApplier.ChangedRow>> above = Optional.empty();
        try {
            if (step.follows()) {
                if (!isApplied(writer, step.source())) {
                    return false;
                }
                above = ledger.take(writer.connection(), step.source());
                if (above.isEmpty()) {
                    LOG.warn("Cascade level of {} at {}: the level above on {} was not applied here (that table's snapshot "
                            + "already held it), so rows of {} that the source's cascade changed below it are not followed",
                            table.id(), rows.get(0).position(), step.from(), table.id());
                }
            }
            TableBuffer pending = buffers.get(table.id());
            if (pending != null) {
                out.write(pending);
            }
            List<CascadeApplier.ChangedRow> changed = step.follows()
                    ? cascades.applyFollowing(writer, table, above.orElse(List.of()), step)
                    : cascades.applyFirst(writer, table, batch.cascadeColumns(), rows, step);
            if (step.consumers() > 0) {
                LedgerEntry entry = new LedgerEntry(table.id(), rows.get(rows.size() - 1).position());
                ledger.record(writer.connection(), entry, step.consumers(), changed);
                recordedInTransaction.add(entry);
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(ledger.table(), List.of(), StatementKind.CASCADE, e);
        }
        return true;
    }

    /** Whether the step that wrote a ledger entry is applied: in this transaction, or committed by any task. */
    private boolean isApplied(StatementWriter writer, LedgerEntry entry) throws SQLException {
        if (recordedInTransaction.contains(entry)) {
            return true;
        }
        // Not in the sink's transaction: its reads see what was committed when it began, and a locking read there
        // would hold the other task's progress row until this transaction ends.
        SourcePosition watermark;
        try (Connection reader = dataSource.getConnection()) {
            watermark = progress.committed(reader, entry.table()).watermark();
            reader.rollback();
        }
        return watermark != null && !entry.position().isAfter(watermark);
    }

    /**
     * Creates a database's stored objects (and any of its tables not created yet). An object that
     * exists is kept; one the destination refuses (it reads a database that is not migrated, or uses
     * a feature the destination lacks) is logged as not created, and the others still are. The
     * session's sql_mode, which the statements set per routine, is restored afterwards.
     */
    private void applyObjects(ChangeBatch batch, StatementWriter writer, BufferWriter out) throws WriteException {
        TableId id = batch.table().id();
        BatchPlan plan = ProgressRules.plan(currentProgress(writer, id), batch);
        if (plan.action() == BatchPlan.Action.SKIP) {
            return;
        }
        commit(writer, out);
        ddl.createObjects(writer, id, batch.statements(), SessionSettings.INIT_SQL);
        progress.update(id, TableProgress.NONE.startSnapshot(batch.snapshotId()).finishSnapshot(null));
        commit(writer, out);
    }

    private TableProgress currentProgress(StatementWriter writer, TableId table) throws WriteException {
        try {
            return progress.current(writer.connection(), table);
        }
        catch (SQLException e) {
            throw StatementWriter.failure(progress.table(), List.of(), StatementKind.PROGRESS, e);
        }
    }

    /**
     * Prepares the destination table for a new snapshot attempt. Under conflict policy {@code fail}
     * it is emptied: it holds what an earlier attempt wrote; a table Ferry never wrote to that already
     * holds rows is someone else's data, and the migration stops instead of deleting it. Under
     * {@code proceed} nothing is deleted: the first attempt keeps existing rows with the same key, and
     * a later attempt replaces them (see {@link ProgressRules}); a keyless table cannot tell an
     * earlier attempt's rows from others, so a later attempt on it stops the task.
     */
    private void restartSnapshot(ChangeBatch batch, TableDef destination, TableProgress current, StatementWriter writer,
                                 BufferWriter out) throws WriteException {
        TableBuffer pending = buffers.get(destination.id());
        if (pending != null) {
            out.write(pending);
        }
        if (batch.conflictPolicy() == ConflictPolicy.PROCEED) {
            restartKeepingRows(batch, destination, current);
            return;
        }
        if (current.equals(TableProgress.NONE) && hasRows(writer, destination)) {
            throw WriteException.permanent(destination.id(), StatementKind.DELETE_ALL, "the destination table already holds rows "
                    + "that this migration did not write, and Ferry does not delete them. Empty or drop the destination table "
                    + "(or migrate into another database, or set conflict.policy=proceed on the source to keep them), "
                    + "then restart the connector.");
        }
        writer.execute(destination, StatementKind.DELETE_ALL, DeleteAllStatement.sql(destination.id()), parameters -> { });
        LOG.info("Snapshot {} starts: emptied destination table {}", batch.snapshotId(), destination.id());
    }

    private void restartKeepingRows(ChangeBatch batch, TableDef destination, TableProgress current) throws WriteException {
        if (current.untouchedBySnapshots()) {
            LOG.info("Snapshot {} starts into {} under conflict.policy=proceed: existing rows with the same key are kept",
                    batch.snapshotId(), destination.id());
            return;
        }
        if (destination.keyless()) {
            throw WriteException.permanent(destination.id(), StatementKind.DELETE_ALL, "an earlier snapshot attempt of this "
                    + "keyless table was interrupted under conflict.policy=proceed; without a key Ferry cannot tell the rows "
                    + "it copied from the rows the table held before, and copying again would duplicate them. Restore the "
                    + "destination table to its state before the migration (or empty it), then restart the migration.");
        }
        LOG.warn("Snapshot {} repeats an interrupted attempt on {} under conflict.policy=proceed: its rows replace destination "
                + "rows with the same key (the earlier attempt copied older values); rows that attempt copied and the source "
                + "deleted since stay on the destination", batch.snapshotId(), destination.id());
    }

    private static boolean hasRows(StatementWriter writer, TableDef destination) throws WriteException {
        try (Statement statement = writer.connection().createStatement();
             ResultSet result = statement.executeQuery(TableHasRowsQuery.sql(destination.id()))) {
            return result.next();
        }
        catch (SQLException e) {
            throw StatementWriter.failure(destination.id(), List.of(), StatementKind.CHECK_TABLE, e);
        }
    }

    private void buffer(TableDef destination, List<RowChange> rows, boolean keepExisting, BufferWriter out) throws WriteException {
        TableBuffer buffer = buffers.get(destination.id());
        if (buffer != null && (!buffer.table().equals(destination) || buffer.keepsExisting() != keepExisting)) {
            // The definition or the way rows are written changed: what was buffered before is written first.
            out.write(buffer);
            buffer = null;
        }
        if (buffer == null) {
            buffer = TableBuffer.of(destination, keepExisting);
            buffers.put(destination.id(), buffer);
        }
        for (RowChange row : rows) {
            buffer.add(row);
        }
        if (buffer.appendedRows() >= EARLY_WRITE_STATEMENTS * batchSize) {
            // Snapshot rows need no reduction: written now, in the same transaction, they do not wait in memory.
            out.write(buffer);
        }
    }

    private void commit(StatementWriter writer, BufferWriter out) throws WriteException {
        for (TableBuffer buffer : buffers.values()) {
            out.write(buffer);
        }
        try {
            progress.writeChanged(writer.connection());
        }
        catch (SQLException e) {
            throw StatementWriter.failure(progress.table(), List.of(), StatementKind.PROGRESS, e);
        }
        writer.commit();
        recordedInTransaction.clear();
        pendingRows = 0;
    }

    private static long maxAllowedPacket(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@max_allowed_packet")) {
            result.next();
            return result.getLong(1);
        }
    }
}
