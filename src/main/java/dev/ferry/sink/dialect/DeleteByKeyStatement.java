package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;

/**
 * Deletes many rows of a keyed table by key: {@code DELETE FROM t WHERE `id` IN (?, ?)}, or for a
 * composite key {@code DELETE FROM t WHERE (`a`, `b`) IN ((?, ?), (?, ?))}. Key values compare under
 * the columns' own collations, as the key's uniqueness does.
 */
public final class DeleteByKeyStatement {
    private final TableId table;
    private final List<String> keyColumns;

    public DeleteByKeyStatement(TableDef table) {
        if (table.keyless()) {
            throw new IllegalArgumentException(table.id() + " has no key");
        }
        this.table = table.id();
        this.keyColumns = table.keyColumns();
    }

    public int parametersPerRow() {
        return keyColumns.size();
    }

    public String sql(int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("a key delete needs at least one key, got " + keys);
        }
        SqlBuilder sql = new SqlBuilder(ValueRows.capacity(keyColumns.size(), keys));
        sql.sql("DELETE FROM ").table(table).sql(" WHERE ");
        if (keyColumns.size() == 1) {
            sql.identifier(keyColumns.get(0)).sql(" IN (").placeholders(keys).sql(")");
            return sql.toString();
        }
        sql.sql("(").identifiers(keyColumns).sql(") IN (");
        for (int k = 0; k < keys; k++) {
            sql.sql(k == 0 ? "(" : ", (").placeholders(keyColumns.size()).sql(")");
        }
        return sql.sql(")").toString();
    }
}
