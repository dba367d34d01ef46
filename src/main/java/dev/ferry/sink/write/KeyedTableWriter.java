package dev.ferry.sink.write;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.buffer.ReducedChanges;
import dev.ferry.sink.dialect.DeleteByKeyStatement;
import dev.ferry.sink.dialect.EnumMembers;
import dev.ferry.sink.dialect.LoadDataStatement;
import dev.ferry.sink.dialect.RowsStatement;
import dev.ferry.sink.dialect.WritableColumns;

import java.util.List;

/**
 * Writes a keyed table's reduced changes: the deleted keys first, then the last row images, many per
 * statement, or per {@code LOAD DATA} when {@link LoadDataWriter} takes them.
 */
final class KeyedTableWriter {
    private final StatementWriter writer;
    private final StatementLimits limits;
    private final LoadDataWriter loads;

    KeyedTableWriter(StatementWriter writer, StatementLimits limits, LoadDataWriter loads) {
        this.writer = writer;
        this.limits = limits;
        this.loads = loads;
    }

    /** @param keepExisting write the rows only where no destination row has the same key (snapshot under {@code proceed}) */
    void write(TableDef table, ReducedChanges changes, boolean keepExisting) throws WriteException {
        if (!changes.deletedKeys().isEmpty()) {
            delete(table, changes.deletedKeys());
        }
        if (!changes.upserts().isEmpty()) {
            write(table, changes.upserts(), keepExisting);
        }
    }

    private void delete(TableDef table, List<Object[]> keys) throws WriteException {
        DeleteByKeyStatement statement = new DeleteByKeyStatement(table);
        List<ColumnDef> keyColumns = table.keyColumns().stream().map(name -> table.columns().get(table.indexOf(name))).toList();
        for (List<Object[]> chunk : limits.split(keys, statement.parametersPerRow())) {
            writer.execute(table, StatementKind.DELETE, statement.sql(chunk.size()), parameters -> {
                for (Object[] key : chunk) {
                    for (int i = 0; i < key.length; i++) {
                        parameters.match(keyColumns.get(i), key[i]);
                    }
                }
            });
        }
    }

    private void write(TableDef table, List<Object[]> rows, boolean keepExisting) throws WriteException {
        RowsStatement statement = keepExisting ? RowsStatement.insertKeepingExisting(table) : RowsStatement.replace(table);
        WritableColumns columns = WritableColumns.of(table);
        LoadDataStatement load = keepExisting ? LoadDataStatement.insertKeepingExisting(table) : LoadDataStatement.replace(table);
        loads.write(writer, table, load, columns, rows, StatementKind.UPSERT, keepExisting,
                run -> writeStatements(table, statement, columns, run, keepExisting));
    }

    private void writeStatements(TableDef table, RowsStatement statement, WritableColumns columns, List<Object[]> rows,
                                 boolean keepExisting) throws WriteException {
        for (List<Object[]> chunk : limits.split(rows, statement.parametersPerRow())) {
            String sql = statement.sql(chunk, columns, EnumMembers.anyInvalidValue(columns, chunk));
            long count = writer.execute(table, StatementKind.UPSERT, sql, parameters -> {
                for (Object[] row : chunk) {
                    for (int i = 0; i < columns.size(); i++) {
                        parameters.write(columns.column(i), row[columns.imageIndex(i)]);
                    }
                }
            });
            // Kept rows count as found rows or not at all depending on the driver's settings: no check then.
            if (!keepExisting && count < chunk.size()) {
                throw WriteException.permanent(table.id(), StatementKind.UPSERT,
                        "the server reported " + count + " changed rows for " + chunk.size() + " rows written");
            }
        }
    }
}
