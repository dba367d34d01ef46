package dev.ferry.core.schema;

import java.util.Locale;

/**
 * How a column's values travel between source and sink. Every value is carried as one of a few
 * Java types chosen so that the destination stores exactly what the source held.
 */
public enum ValueKind {
    /** Integers of every width that fit a signed 64-bit long, and YEAR: {@link Long}. */
    INTEGER,
    /** BIGINT UNSIGNED: its decimal digits as a {@link String}, since it can exceed a long. */
    UNSIGNED_BIGINT,
    /** DECIMAL: its exact decimal text as a {@link String}, trailing zeros kept. */
    DECIMAL,
    /** FLOAT: a {@link Float}, bit for bit. */
    FLOAT,
    /** DOUBLE: a {@link Double}, bit for bit. */
    DOUBLE,
    /** DATE, DATETIME, TIMESTAMP (in UTC), TIME: the MySQL literal as a {@link String}. */
    TEMPORAL,
    /**
     * Character strings, ENUM, SET and JSON text: a {@link String}; CHAR, VARCHAR and TEXT in a
     * character set other than UTF-8 as the stored bytes, a {@code byte[]} (see {@link ColumnDef#textAsBytes()}).
     */
    TEXT,
    /** Binary strings, BIT (big-endian) and GEOMETRY (SRID + WKB): a {@code byte[]}. */
    BINARY;

    /** The kind for a column, from its data type and full column type. */
    public static ValueKind of(String dataType, String columnType) {
        String type = dataType.toLowerCase(Locale.ROOT);
        switch (type) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "year":
                return INTEGER;
            case "bigint":
                return columnType.toLowerCase(Locale.ROOT).contains("unsigned") ? UNSIGNED_BIGINT : INTEGER;
            case "decimal", "numeric":
                return DECIMAL;
            case "float":
                return FLOAT;
            case "double", "real":
                return DOUBLE;
            case "date", "datetime", "timestamp", "time":
                return TEMPORAL;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json":
                return TEXT;
            default:
                return BINARY;
        }
    }
}
