package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.ValueKind;
import dev.ferry.core.sql.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOAD DATA LOCAL INFILE} of whole rows streamed from the sink's memory, in the format
 * {@link dev.ferry.sink.bind.LoadDataText} writes: the same rows a {@link RowsStatement} would write,
 * with the same outcome on conflicts.
 *
 * <ul>
 *   <li>{@link #replace}: {@code REPLACE}, like {@code REPLACE INTO} (a keyed table's last row images).</li>
 *   <li>{@link #insert}: neither keyword, like {@code INSERT INTO} (a keyless table's inserts). With
 *       LOCAL the server cannot stop the transfer, so a duplicate key is skipped with a warning instead
 *       of failing: the caller treats every warning as a failure of the load.</li>
 *   <li>{@link #insertKeepingExisting}: {@code IGNORE}, like {@code INSERT ... ON DUPLICATE KEY UPDATE
 *       c = c}: a row colliding with an existing one leaves it unchanged (with a warning).</li>
 * </ul>
 *
 * Binary columns (BINARY, VARBINARY, BLOB, BIT, GEOMETRY) and text columns whose values travel as bytes
 * ({@link ColumnDef#textAsBytes()}: latin1 and other non-UTF-8 character sets) arrive as hexadecimal text
 * read into a user variable and stored with {@code UNHEX}, so no character set conversion touches their bytes; YEAR
 * columns are stored from the number their text spells (see {@link #conversion}). Generated columns
 * are left out; the destination computes them.
 */
public final class LoadDataStatement {
    /** The file name the statement names; the driver sends the sink's stream instead of any file. */
    public static final String STREAM_NAME = "ferry-rows";

    private final String sql;

    private LoadDataStatement(String keyword, TableDef table) {
        WritableColumns columns = WritableColumns.of(table);
        SqlBuilder builder = new SqlBuilder(128 + 40 * columns.size());
        builder.sql("LOAD DATA LOCAL INFILE ").literal(STREAM_NAME).sql(keyword).sql(" INTO TABLE ").table(table.id())
                .sql(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\'"
                        + " LINES STARTING BY '' TERMINATED BY '\\n' (");
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                builder.sql(", ");
            }
            ColumnDef column = columns.column(i);
            String conversion = conversion(column);
            if (conversion == null) {
                builder.identifier(column.name());
            }
            else {
                builder.sql(variable(i));
                assignments.add(SqlBuilder.quote(column.name()) + " = " + conversion.formatted(variable(i)));
            }
        }
        builder.sql(")");
        for (int a = 0; a < assignments.size(); a++) {
            builder.sql(a == 0 ? " SET " : ", ").sql(assignments.get(a));
        }
        this.sql = builder.toString();
    }

    public static LoadDataStatement replace(TableDef table) {
        return new LoadDataStatement(" REPLACE", table);
    }

    public static LoadDataStatement insert(TableDef table) {
        return new LoadDataStatement("", table);
    }

    public static LoadDataStatement insertKeepingExisting(TableDef table) {
        return new LoadDataStatement(" IGNORE", table);
    }

    public String sql() {
        return sql;
    }

    /**
     * How a column's field is stored when not as it reads, as a format with the variable's place, or null.
     * A YEAR travels as a number, and MySQL reads the text {@code 0} as the year 2000 but the number 0 as
     * 0000, so it is made a number again.
     */
    private static String conversion(ColumnDef column) {
        if (column.valueKind() == ValueKind.BINARY || column.textAsBytes()) {
            return "UNHEX(%s)";
        }
        if (column.dataType().equalsIgnoreCase("year")) {
            return "CAST(%s AS SIGNED)";
        }
        return null;
    }

    private static String variable(int column) {
        return "@ferry_" + (column + 1);
    }
}
