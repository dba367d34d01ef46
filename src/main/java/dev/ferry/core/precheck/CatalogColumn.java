package dev.ferry.core.precheck;

/**
 * A column as {@code information_schema.COLUMNS} describes it.
 *
 * @param maxBytes the most bytes a value can take (CHARACTER_OCTET_LENGTH for strings, an upper estimate otherwise)
 * @param generationExpression the expression of a generated column; null for a stored value
 */
public record CatalogColumn(String name, String dataType, String columnType, String charset, String collation,
                            boolean nullable, String generationExpression, long maxBytes) {

    public boolean generated() {
        return generationExpression != null && !generationExpression.isEmpty();
    }

    public boolean isTemporalWithDate() {
        return dataType.equals("date") || dataType.equals("datetime") || dataType.equals("timestamp");
    }
}
