package dev.ferry.sink.dialect;

import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.sink.session.SessionSettings;

/**
 * Updates one row of a keyless table:
 * {@code UPDATE t SET `a` = ?, `b` = ? WHERE <every column matches> LIMIT 1}. Parameters: the after
 * image's writable columns, then the before image's.
 */
public final class KeylessUpdateStatement {
    private final String sql;
    private final String nonStrictSql;

    private final TableDef table;
    private final WritableColumns columns;

    public KeylessUpdateStatement(TableDef table) {
        this.table = table;
        this.columns = WritableColumns.of(table);
        this.sql = build(null, null);
        this.nonStrictSql = nonStrict(this.sql);
    }

    private String build(Object[] after, Object[] before) {
        SqlBuilder sql = new SqlBuilder();
        sql.sql("UPDATE ").table(table.id()).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(columns.column(i).name()).sql(" = ");
            TypedJsonValues.placeholder(sql, columns.column(i), after == null ? null : after[columns.imageIndex(i)]);
        }
        sql.sql(" WHERE ");
        RowMatch.append(sql, columns, before);
        return sql.sql(" LIMIT 1").toString();
    }

    private static String nonStrict(String sql) {
        return "UPDATE " + SessionSettings.NON_STRICT_HINT + sql.substring("UPDATE ".length());
    }

    /** The statement for this change: {@link #sql()} or {@link #nonStrictSql()} unless an image holds typed JSON. */
    public String sql(Object[] after, Object[] before, boolean nonStrict) {
        if (!TypedJsonValues.any(columns, java.util.Arrays.asList(after, before))) {
            return nonStrict ? nonStrictSql : sql;
        }
        String typed = build(after, before);
        return nonStrict ? nonStrict(typed) : typed;
    }

    public String sql() {
        return sql;
    }

    /** The statement for an after image holding a value only a non-strict mode accepts (see {@link EnumMembers}). */
    public String nonStrictSql() {
        return nonStrictSql;
    }
}
