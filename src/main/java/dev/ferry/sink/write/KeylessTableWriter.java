package dev.ferry.sink.write;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.bind.StatementParameters;
import dev.ferry.sink.dialect.LoadDataStatement;
import dev.ferry.sink.dialect.RowsStatement;
import dev.ferry.sink.dialect.KeylessDeleteStatement;
import dev.ferry.sink.dialect.EnumMembers;
import dev.ferry.sink.dialect.KeylessUpdateStatement;
import dev.ferry.sink.dialect.WritableColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a keyless table's changes in source order: each run of consecutive inserts as multi-row
 * INSERTs (or {@code LOAD DATA}, see {@link LoadDataWriter}), each update and delete as a statement on exactly one row that matches the before image.
 */
final class KeylessTableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(KeylessTableWriter.class);

    private final StatementWriter writer;
    private final StatementLimits limits;
    private final LoadDataWriter loads;

    KeylessTableWriter(StatementWriter writer, StatementLimits limits, LoadDataWriter loads) {
        this.writer = writer;
        this.limits = limits;
        this.loads = loads;
    }

    /** @param keepExisting insert rows only where they collide with no destination row on a unique key */
    void write(TableDef table, List<RowChange> changes, boolean keepExisting) throws WriteException {
        WritableColumns columns = WritableColumns.of(table);
        KeylessUpdateStatement updateStatement = new KeylessUpdateStatement(table);
        KeylessDeleteStatement deleteStatement = new KeylessDeleteStatement(table);
        List<Object[]> inserts = new ArrayList<>();
        int unmatched = 0;
        for (RowChange change : changes) {
            switch (change.op()) {
                case READ, INSERT -> inserts.add(change.after());
                case UPDATE, DELETE -> {
                    insert(table, columns, inserts, keepExisting);
                    inserts.clear();
                    unmatched += change.op() == RowOp.UPDATE
                            ? update(table, columns, updateStatement, change) : delete(table, columns, deleteStatement, change);
                }
            }
        }
        insert(table, columns, inserts, keepExisting);
        if (unmatched > 0) {
            LOG.warn("{} update(s) or delete(s) of keyless table {} found no matching row; the destination "
                    + "table differs from the source", unmatched, table.id());
        }
    }

    private void insert(TableDef table, WritableColumns columns, List<Object[]> rows, boolean keepExisting) throws WriteException {
        if (rows.isEmpty()) {
            return;
        }
        RowsStatement statement = keepExisting ? RowsStatement.insertKeepingExisting(table) : RowsStatement.insert(table);
        LoadDataStatement load = keepExisting ? LoadDataStatement.insertKeepingExisting(table) : LoadDataStatement.insert(table);
        loads.write(writer, table, load, columns, rows, StatementKind.INSERT, keepExisting,
                run -> insertStatements(table, columns, statement, run, keepExisting));
    }

    private void insertStatements(TableDef table, WritableColumns columns, RowsStatement statement, List<Object[]> rows,
                                  boolean keepExisting) throws WriteException {
        for (List<Object[]> chunk : limits.split(rows, statement.parametersPerRow())) {
            String sql = statement.sql(chunk, columns, EnumMembers.anyInvalidValue(columns, chunk));
            long count = writer.execute(table, StatementKind.INSERT, sql, parameters -> {
                for (Object[] row : chunk) {
                    writeImage(parameters, columns, row);
                }
            });
            if (!keepExisting && count != chunk.size()) {
                throw WriteException.permanent(table.id(), StatementKind.INSERT,
                        "the server reported " + count + " inserted rows for " + chunk.size() + " rows");
            }
        }
    }

    /** Returns 1 if no row matched, else 0. */
    private int update(TableDef table, WritableColumns columns, KeylessUpdateStatement statement, RowChange change)
            throws WriteException {
        String sql = statement.sql(change.after(), change.before(), EnumMembers.anyInvalidValue(columns, List.<Object[]>of(change.after())));
        long count = writer.execute(table, StatementKind.UPDATE, sql, parameters -> {
            writeImage(parameters, columns, change.after());
            matchImage(parameters, columns, change.before());
        });
        return count == 0 ? 1 : 0;
    }

    /** Returns 1 if no row matched, else 0. */
    private int delete(TableDef table, WritableColumns columns, KeylessDeleteStatement statement, RowChange change)
            throws WriteException {
        String sql = statement.sql(change.before());
        long count = writer.execute(table, StatementKind.DELETE, sql, parameters -> matchImage(parameters, columns, change.before()));
        return count == 0 ? 1 : 0;
    }

    private static void writeImage(StatementParameters parameters, WritableColumns columns, Object[] image) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            parameters.write(columns.column(i), image[columns.imageIndex(i)]);
        }
    }

    private static void matchImage(StatementParameters parameters, WritableColumns columns, Object[] image) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            parameters.match(columns.column(i), image[columns.imageIndex(i)]);
        }
    }
}
