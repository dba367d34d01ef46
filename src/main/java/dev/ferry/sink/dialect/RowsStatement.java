package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.sink.session.SessionSettings;

import java.util.List;

/**
 * A multi-row statement writing whole rows: {@code INSERT INTO t (c1, c2) VALUES (?, ?), (?, ?)} for a
 * keyless table's inserted rows, or {@code REPLACE INTO ...} for a keyed table's last row images.
 *
 * <p>Why REPLACE and not {@code INSERT ... ON DUPLICATE KEY UPDATE}: a batch holds the last state
 * of every key it touched, applied after the batch's deletes. When rows swap values of a secondary
 * unique index inside one batch (row 1 goes from 'x' to 'y' while row 2 goes from 'y' to 'x'), the
 * first row written collides with the other row's old value. ON DUPLICATE KEY UPDATE then updates
 * whichever row it collided with, possibly the wrong one, and the key's own row is left stale.
 * REPLACE instead deletes every row that conflicts on any unique index and inserts the new row;
 * a row it deletes that way was itself touched by the batch, so it is rewritten later in the same
 * batch. After the whole batch the destination holds exactly the source's rows.
 *
 * <p>Snapshot rows under conflict policy {@code proceed} use {@code INSERT ... ON DUPLICATE KEY UPDATE
 * c = c}: a row colliding with an existing one on a unique key leaves it unchanged. Not {@code INSERT
 * IGNORE}, which would also turn data errors (a value out of range, too long) into warnings and
 * store something else.
 */
public final class RowsStatement {
    private final String verb;
    private final TableId table;
    private final List<String> columns;

    private final String suffix;

    private RowsStatement(String verb, TableDef table, boolean keepExisting) {
        this.verb = verb;
        this.table = table.id();
        this.columns = WritableColumns.of(table).names();
        String first = table.keyless() ? columns.get(0) : table.keyColumns().get(0);
        this.suffix = keepExisting ? new SqlBuilder().sql(" ON DUPLICATE KEY UPDATE ").identifier(first).sql(" = ")
                .identifier(first).toString() : "";
    }

    public static RowsStatement insert(TableDef table) {
        return new RowsStatement("INSERT ", table, false);
    }

    public static RowsStatement replace(TableDef table) {
        return new RowsStatement("REPLACE ", table, false);
    }

    /** Inserts the rows that collide with no destination row on a unique key; the others stay as they are. */
    public static RowsStatement insertKeepingExisting(TableDef table) {
        return new RowsStatement("INSERT ", table, true);
    }

    public int parametersPerRow() {
        return columns.size();
    }

    public String sql(int rows) {
        return sql(rows, false);
    }

    /**
     * The statement for these rows (full row images): {@link #sql(int, boolean)}, or with the typed JSON
     * values' expressions in their places ({@link TypedJsonValues}).
     */
    public String sql(List<Object[]> rows, WritableColumns writable, boolean nonStrict) {
        if (!TypedJsonValues.any(writable, rows)) {
            return sql(rows.size(), nonStrict);
        }
        SqlBuilder sql = new SqlBuilder(ValueRows.capacity(columns.size(), rows.size()));
        sql.sql(verb).sql(nonStrict ? SessionSettings.NON_STRICT_HINT : "").sql("INTO ").table(table).sql(" (").identifiers(columns).sql(")");
        sql.sql(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.sql(r == 0 ? "(" : ", (");
            for (int i = 0; i < writable.size(); i++) {
                TypedJsonValues.placeholder(i == 0 ? sql : sql.sql(", "), writable.column(i), rows.get(r)[writable.imageIndex(i)]);
            }
            sql.sql(")");
        }
        return sql.sql(suffix).toString();
    }

    /** @param nonStrict whether the rows hold a value only a non-strict mode accepts (see {@link EnumMembers}) */
    public String sql(int rows, boolean nonStrict) {
        SqlBuilder sql = new SqlBuilder(ValueRows.capacity(columns.size(), rows));
        sql.sql(verb).sql(nonStrict ? SessionSettings.NON_STRICT_HINT : "").sql("INTO ").table(table).sql(" (").identifiers(columns).sql(")");
        ValueRows.append(sql, columns.size(), rows);
        return sql.sql(suffix).toString();
    }
}
