package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;

/** {@code INSERT INTO t (c1, c2) VALUES (?, ?), (?, ?)}: a run of inserted rows of a keyless table. */
public final class InsertStatement {
    private final TableId table;
    private final List<String> columns;

    public InsertStatement(TableDef table) {
        this.table = table.id();
        this.columns = WritableColumns.of(table).names();
    }

    public int parametersPerRow() {
        return columns.size();
    }

    public String sql(int rows) {
        SqlBuilder sql = new SqlBuilder(ValueRows.capacity(columns.size(), rows));
        sql.sql("INSERT INTO ").table(table).sql(" (").identifiers(columns).sql(")");
        ValueRows.append(sql, columns.size(), rows);
        return sql.toString();
    }
}
