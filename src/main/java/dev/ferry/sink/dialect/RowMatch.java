package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.core.sql.SqlBuilder;

import java.util.Locale;

/**
 * The WHERE condition that finds one row of a keyless table by all its writable column values,
 * one placeholder per column, in column order. Every comparison is null-safe ({@code <=>}).
 *
 * <ul>
 *   <li>JSON columns compare as JSON: {@code `j` <=> CAST(? AS JSON)}.</li>
 *   <li>Character columns compare byte for byte in the column's character set:
 *       {@code CAST(`c` AS BINARY) <=> CAST(CONVERT(? USING `latin1`) AS BINARY)}. Under the column's
 *       own collation, two rows differing only in case, accents or trailing spaces would both match,
 *       and the statement could change the wrong one.</li>
 *   <li>FLOAT and DOUBLE compare as the text of the double they hold:
 *       {@code CONCAT(`f` * 1e0) <=> CONCAT(? * 1e0)}. As numbers, {@code -0} equals {@code 0}, and the
 *       statement could change the row holding the other zero; the shortest round-trip text tells
 *       them apart and is exact for every other value.</li>
 *   <li>Everything else: {@code `c` <=> ?}. The binders make BIT parameters compare exactly.</li>
 * </ul>
 */
final class RowMatch {
    private RowMatch() {
    }

    static void append(SqlBuilder sql, WritableColumns columns) {
        append(sql, columns, null);
    }

    /** @param image the row image matched, for its typed JSON values ({@link TypedJsonValues}), or null */
    static void append(SqlBuilder sql, WritableColumns columns, Object[] image) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.sql(" AND ");
            }
            appendColumn(sql, columns.column(i), image == null ? null : image[columns.imageIndex(i)]);
        }
    }

    private static void appendColumn(SqlBuilder sql, ColumnDef column, Object value) {
        String dataType = column.dataType().toLowerCase(Locale.ROOT);
        if (dataType.equals("json") && TypedJson.isEncoded(value)) {
            TypedJsonValues.placeholder(sql.identifier(column.name()).sql(" <=> "), column, value);
        }
        else if (dataType.equals("json")) {
            sql.identifier(column.name()).sql(" <=> CAST(? AS JSON)");
        }
        else if (dataType.equals("float") || dataType.equals("double") || dataType.equals("real")) {
            sql.sql("CONCAT(").identifier(column.name()).sql(" * 1e0) <=> CONCAT(? * 1e0)");
        }
        else if (column.charset() != null && !column.charset().equalsIgnoreCase("binary")) {
            sql.sql("CAST(").identifier(column.name()).sql(" AS BINARY) <=> CAST(CONVERT(? USING ")
                    .identifier(column.charset()).sql(") AS BINARY)");
        }
        else {
            sql.identifier(column.name()).sql(" <=> ?");
        }
    }
}
