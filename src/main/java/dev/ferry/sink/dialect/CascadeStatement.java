package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;

/**
 * The statements that repeat on the destination what a cascading foreign key did to child rows on
 * the source: delete the rows whose referencing columns equal the parent's old values, or set those
 * columns. Parameters: for DELETE the old values; for UPDATE the new values, then the old ones.
 */
public final class CascadeStatement {
    private CascadeStatement() {
    }

    public static String delete(TableId child, List<String> columns) {
        return where(new SqlBuilder().sql("DELETE FROM ").table(child), columns);
    }

    public static String update(TableId child, List<String> columns) {
        SqlBuilder sql = new SqlBuilder().sql("UPDATE ").table(child).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(columns.get(i)).sql(" = ?");
        }
        return where(sql, columns);
    }

    private static String where(SqlBuilder sql, List<String> columns) {
        sql.sql(" WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").identifier(columns.get(i)).sql(" = ?");
        }
        return sql.toString();
    }
}
