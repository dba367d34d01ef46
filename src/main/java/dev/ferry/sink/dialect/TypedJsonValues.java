package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;
import java.util.Locale;

/**
 * Where a row's JSON value is a {@link TypedJson} (a document with DECIMAL or temporal scalars), its
 * placeholder becomes {@code JSON_SET(CAST(? AS JSON), path, CAST(literal AS type), ...)}, the one
 * parameter still bound to the document's text. Statements for rows without such values are
 * unchanged, so only those rows get statements of their own text.
 */
public final class TypedJsonValues {
    private TypedJsonValues() {
    }

    static boolean isJson(ColumnDef column) {
        return column.dataType().toLowerCase(Locale.ROOT).equals("json");
    }

    /** Whether {@code value} of {@code column} is a typed JSON document (text columns may start with the same character). */
    public static boolean isTyped(ColumnDef column, Object value) {
        return isJson(column) && TypedJson.isEncoded(value);
    }

    /** Whether any of {@code rows} (full row images) holds a typed JSON value in a writable column. */
    public static boolean any(WritableColumns columns, List<Object[]> rows) {
        for (int i = 0; i < columns.size(); i++) {
            if (isJson(columns.column(i))) {
                int index = columns.imageIndex(i);
                for (Object[] row : rows) {
                    if (row != null && TypedJson.isEncoded(row[index])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The placeholder of {@code value} written into {@code column}: {@code ?} or the typed JSON expression. */
    static SqlBuilder placeholder(SqlBuilder sql, ColumnDef column, Object value) {
        if (isJson(column) && TypedJson.isEncoded(value)) {
            return TypedJson.decode((String) value).appendExpression(sql);
        }
        return sql.sql("?");
    }
}
