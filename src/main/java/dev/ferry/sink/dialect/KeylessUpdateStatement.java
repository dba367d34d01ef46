package dev.ferry.sink.dialect;

import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

/**
 * Updates one row of a keyless table:
 * {@code UPDATE t SET `a` = ?, `b` = ? WHERE <every column matches> LIMIT 1}. Parameters: the after
 * image's writable columns, then the before image's.
 */
public final class KeylessUpdateStatement {
    private final String sql;

    public KeylessUpdateStatement(TableDef table) {
        WritableColumns columns = WritableColumns.of(table);
        SqlBuilder sql = new SqlBuilder();
        sql.sql("UPDATE ").table(table.id()).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(columns.column(i).name()).sql(" = ?");
        }
        sql.sql(" WHERE ");
        RowMatch.append(sql, columns);
        this.sql = sql.sql(" LIMIT 1").toString();
    }

    public String sql() {
        return sql;
    }
}
