package dev.ferry.core.schema;

import java.util.Objects;

/**
 * One column as the source server defines it.
 *
 * @param name the column name
 * @param dataType the lower-case data type without attributes ({@code int}, {@code decimal}, {@code varchar})
 * @param columnType the full type as {@code information_schema.COLUMNS.COLUMN_TYPE} spells it
 *        ({@code decimal(65,30) unsigned}, {@code enum('a','b')}); a destination table uses it verbatim
 * @param charset the character set of a character column, or null
 * @param collation the collation of a character column, or null
 * @param nullable whether the column accepts NULL
 * @param generationExpression the expression of a generated column, or null for a stored value
 * @param generatedStored whether a generated column is STORED (else VIRTUAL); meaningless otherwise
 */
public record ColumnDef(
        String name,
        String dataType,
        String columnType,
        String charset,
        String collation,
        boolean nullable,
        String generationExpression,
        boolean generatedStored) {

    private static final java.util.Set<String> TEXT_TYPES =
            java.util.Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");

    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(columnType, "columnType");
    }

    /** A generated column is computed by the destination from the other columns and never written. */
    public boolean generated() {
        return generationExpression != null && !generationExpression.isEmpty();
    }

    /**
     * The first number in the column type's parentheses: the width of {@code bit(12)}, the fractional
     * digits of {@code datetime(6)}; {@code fallback} when the type has none.
     */
    public int typeArgument(int fallback) {
        int open = columnType.indexOf('(');
        int end = open;
        while (end + 1 < columnType.length() && Character.isDigit(columnType.charAt(end + 1))) {
            end++;
        }
        return open < 0 || end == open ? fallback : Integer.parseInt(columnType.substring(open + 1, end + 1));
    }

    /**
     * Whether values of this character column travel as the bytes it stores rather than as a
     * {@link String}: true for CHAR, VARCHAR and TEXT columns in a character set other than UTF-8.
     * Java's decoders for those differ from MySQL's (Java's windows-1252 has no 0x81, MySQL's latin1
     * has), so only the bytes themselves arrive unchanged.
     */
    public boolean textAsBytes() {
        if (charset == null || !TEXT_TYPES.contains(dataType.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        String name = charset.toLowerCase(java.util.Locale.ROOT);
        return !name.equals("utf8mb4") && !name.equals("utf8") && !name.equals("utf8mb3");
    }

    public ValueKind valueKind() {
        return ValueKind.of(dataType, columnType);
    }
}
