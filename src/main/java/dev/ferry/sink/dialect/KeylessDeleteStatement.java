package dev.ferry.sink.dialect;

import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

/**
 * Deletes one row of a keyless table: {@code DELETE FROM t WHERE <every column matches> LIMIT 1}.
 * Of two identical rows exactly one goes, as on the source. Parameters: the before image's
 * writable columns.
 */
public final class KeylessDeleteStatement {
    private final String sql;

    public KeylessDeleteStatement(TableDef table) {
        SqlBuilder sql = new SqlBuilder();
        sql.sql("DELETE FROM ").table(table.id()).sql(" WHERE ");
        RowMatch.append(sql, WritableColumns.of(table));
        this.sql = sql.sql(" LIMIT 1").toString();
    }

    public String sql() {
        return sql;
    }
}
