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

    private final TableDef table;
    private final WritableColumns columns;

    public KeylessDeleteStatement(TableDef table) {
        this.table = table;
        this.columns = WritableColumns.of(table);
        this.sql = build(null);
    }

    private String build(Object[] before) {
        SqlBuilder sql = new SqlBuilder();
        sql.sql("DELETE FROM ").table(table.id()).sql(" WHERE ");
        RowMatch.append(sql, columns, before);
        return sql.sql(" LIMIT 1").toString();
    }

    /** The statement deleting the row {@code before}: {@link #sql()} unless it holds typed JSON. */
    public String sql(Object[] before) {
        return TypedJsonValues.any(columns, java.util.List.<Object[]>of(before)) ? build(before) : sql;
    }

    public String sql() {
        return sql;
    }
}
