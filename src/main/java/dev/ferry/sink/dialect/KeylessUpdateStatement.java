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
        this.nonStrictSql = "UPDATE " + SessionSettings.NON_STRICT_HINT + this.sql.substring("UPDATE ".length());
    }

    public String sql() {
        return sql;
    }

    /** The statement for an after image holding a value only a non-strict mode accepts (see {@link EnumMembers}). */
    public String nonStrictSql() {
        return nonStrictSql;
    }
}
