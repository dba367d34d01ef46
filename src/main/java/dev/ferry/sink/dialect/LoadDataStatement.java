package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
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

    private final String keyword;
    private final TableDef table;
    private final String sql;

    private LoadDataStatement(String keyword, TableDef table) {
        this(keyword, table, null);
    }

    /**
     * @param shapes per writable column, the typed scalars (paths and types) of a JSON column's documents
     *        in every row of the load, or an empty list; null when no row holds a typed JSON value
     */
    private LoadDataStatement(String keyword, TableDef table, List<List<TypedJson.Scalar>> shapes) {
        this.keyword = keyword;
        this.table = table;
        WritableColumns columns = WritableColumns.of(table);
        SqlBuilder builder = new SqlBuilder(128 + 40 * columns.size());
        builder.sql("LOAD DATA LOCAL INFILE ").literal(STREAM_NAME).sql(keyword).sql(" INTO TABLE ").table(table.id())
                .sql(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\'"
                        + " LINES STARTING BY '' TERMINATED BY '\\n' (");
        List<String> assignments = new ArrayList<>();
        List<String> scalarFields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                builder.sql(", ");
            }
            ColumnDef column = columns.column(i);
            List<TypedJson.Scalar> scalars = shapes == null ? List.of() : shapes.get(i);
            String conversion = scalars.isEmpty() ? conversion(column) : typedJson(i, scalars, scalarFields);
            if (conversion == null) {
                builder.identifier(column.name());
            }
            else {
                builder.sql(variable(i));
                assignments.add(SqlBuilder.quote(column.name()) + " = " + conversion.formatted(variable(i)));
            }
        }
        // The typed scalars' literals follow the row's columns, in the order of the shapes.
        scalarFields.forEach(field -> builder.sql(", ").sql(field));
        builder.sql(")");
        for (int a = 0; a < assignments.size(); a++) {
            builder.sql(a == 0 ? " SET " : ", ").sql(assignments.get(a));
        }
        this.sql = builder.toString();
    }

    /**
     * The same load for rows whose JSON documents all hold typed scalars of these shapes
     * ({@link TypedJson}): each such column's field is the document's text, and each scalar's literal is
     * an extra field after the row's columns, set as {@link TypedJson#appendExpression} sets it.
     *
     * @param shapes per writable column, the paths and types of its typed scalars, or an empty list
     */
    public LoadDataStatement withTypedJson(List<List<TypedJson.Scalar>> shapes) {
        return new LoadDataStatement(keyword, table, shapes);
    }

    /** {@code JSON_SET(CAST(@doc AS JSON), 'path', CAST(@literal AS type), ...)} (or a function's call, {@link TypedJson#appendValue}), adding the literals' fields. */
    private static String typedJson(int column, List<TypedJson.Scalar> scalars, List<String> scalarFields) {
        StringBuilder expression = new StringBuilder("JSON_SET(CAST(%s AS JSON)");
        for (TypedJson.Scalar scalar : scalars) {
            String field = variable(column) + "_" + (scalarFields.size() + 1);
            scalarFields.add(field);
            SqlBuilder set = new SqlBuilder(scalar.path().length() + 32).sql(", ").literal(scalar.path()).sql(", ");
            expression.append(TypedJson.appendValue(set, scalar, field).toString().replace("%", "%%"));
        }
        return expression.append(')').toString();
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
