package dev.ferry.core.filter;

import dev.ferry.core.schema.ColumnDef;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Compares one column's values, as Ferry carries them, with filter constants exactly as MySQL
 * compares them. Only the column types and constants where Ferry can do that are accepted; the
 * rest are refused when the filter is bound, with the reason.
 */
abstract class ColumnComparator {
    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "year");
    private static final Set<String> DATES = Set.of("date", "datetime", "timestamp");
    private static final Set<String> CHARACTER = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");

    final ColumnDef column;

    ColumnComparator(ColumnDef column) {
        this.column = column;
    }

    /** The comparator for a column, or a {@link FilterException} saying why there is none. */
    static ColumnComparator of(ColumnDef column) {
        String type = column.dataType().toLowerCase(Locale.ROOT);
        if (column.generated()) {
            throw refuse(column, "it is a generated column; filter on the columns it is computed from");
        }
        if (NUMERIC.contains(type)) {
            return new Numeric(column);
        }
        if (DATES.contains(type)) {
            return new Temporal(column);
        }
        if (CHARACTER.contains(type)) {
            String collation = column.collation() == null ? "" : column.collation().toLowerCase(Locale.ROOT);
            if (!collation.endsWith("_bin")) {
                throw refuse(column, "its collation " + column.collation() + " compares strings by weights (case, accents, "
                        + "expansions) that Ferry does not reproduce exactly; filter strings only on columns with a _bin collation");
            }
            return new Text(column, !collation.contains("_0900_"));
        }
        if (BINARY.contains(type)) {
            return new Bytes(column);
        }
        String why = switch (type) {
            case "float", "double", "real" -> "MySQL compares floating-point values approximately";
            case "time" -> "TIME values are not supported in filters";
            default -> "Ferry does not evaluate " + type + " values in filters";
        };
        throw refuse(column, why);
    }

    /** Checks that the constant can be compared with this column with the operator; returns its comparable form. */
    abstract Object bind(Literal literal, Condition.Operator op);

    /** Compares a non-null column value with a bound constant: negative, zero or positive. */
    abstract int compare(Object value, Object constant);

    static FilterException refuse(ColumnDef column, String why) {
        return new FilterException("column `" + column.name() + "` (" + column.columnType() + ") cannot be used in a filter: " + why);
    }

    FilterException refuse(Literal literal, String why) {
        return new FilterException("`" + column.name() + "` (" + column.columnType() + ") cannot be compared with " + literal + ": " + why);
    }

    /** Integers, YEAR and DECIMAL against exact decimal constants: MySQL compares them as decimals. */
    static final class Numeric extends ColumnComparator {
        Numeric(ColumnDef column) {
            super(column);
        }

        @Override
        Object bind(Literal literal, Condition.Operator op) {
            if (literal instanceof Literal.Number n) {
                return n.value();
            }
            throw refuse(literal, "MySQL compares a number with a string as floating-point values; write the number without quotes");
        }

        @Override
        int compare(Object value, Object constant) {
            BigDecimal v = value instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(value.toString());
            return v.compareTo((BigDecimal) constant);
        }
    }

    /** DATE, DATETIME and TIMESTAMP (in UTC) against date or date-time strings, compared field by field as MySQL does. */
    static final class Temporal extends ColumnComparator {
        Temporal(ColumnDef column) {
            super(column);
        }

        @Override
        Object bind(Literal literal, Condition.Operator op) {
            boolean date = column.dataType().equalsIgnoreCase("date");
            if (literal instanceof Literal.Text t && (!date || t.value().length() == 10)) {
                long[] fields = TemporalFields.parseLiteral(t.value());
                if (fields != null) {
                    return fields;
                }
            }
            throw refuse(literal, date ? "compare a DATE column with a valid 'YYYY-MM-DD' date"
                    : "write dates as 'YYYY-MM-DD' or 'YYYY-MM-DD hh:mm:ss[.ffffff]' with a valid calendar date"
                    + (column.dataType().equalsIgnoreCase("timestamp") ? " (TIMESTAMP constants are UTC)" : ""));
        }

        @Override
        int compare(Object value, Object constant) {
            return Arrays.compare(TemporalFields.parseValue(value.toString()), (long[]) constant);
        }
    }

    /** Character columns with a binary collation: equality only, with trailing spaces ignored under PAD SPACE. */
    static final class Text extends ColumnComparator {
        private final boolean padSpace;

        Text(ColumnDef column, boolean padSpace) {
            super(column);
            this.padSpace = padSpace;
        }

        @Override
        Object bind(Literal literal, Condition.Operator op) {
            if (op.ordering()) {
                throw refuse(literal, "Ferry evaluates only equality (=, <>, IN) on strings");
            }
            if (!(literal instanceof Literal.Text t)) {
                throw refuse(literal, "MySQL compares a string column with a number as floating-point values; quote the constant");
            }
            String charset = column.charset() == null ? "" : column.charset().toLowerCase(Locale.ROOT);
            boolean representable = switch (charset) {
                case "utf8mb4" -> true;
                case "utf8", "utf8mb3" -> t.value().codePoints().allMatch(c -> c <= 0xFFFF);
                default -> t.value().chars().allMatch(c -> c < 0x80);
            };
            if (!representable) {
                throw refuse(literal, "the constant has characters the column's character set " + column.charset() + " cannot hold");
            }
            return padSpace ? stripTrailingSpaces(t.value()) : t.value();
        }

        @Override
        int compare(Object value, Object constant) {
            // CHAR values lose their trailing spaces when read; under PAD SPACE no comparison sees them.
            boolean strip = padSpace || column.dataType().equalsIgnoreCase("char");
            String text = value.toString();
            return (strip ? stripTrailingSpaces(text) : text).equals(constant) ? 0 : 1;
        }

        private static String stripTrailingSpaces(String s) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
            return s.substring(0, end);
        }
    }

    /** Binary strings: byte-for-byte equality with an ASCII constant. */
    static final class Bytes extends ColumnComparator {
        Bytes(ColumnDef column) {
            super(column);
        }

        @Override
        Object bind(Literal literal, Condition.Operator op) {
            if (op.ordering()) {
                throw refuse(literal, "Ferry evaluates only equality (=, <>, IN) on binary strings");
            }
            if (!(literal instanceof Literal.Text t) || !t.value().chars().allMatch(c -> c < 0x80)) {
                throw refuse(literal, "compare binary strings with quoted ASCII text only");
            }
            return t.value().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        int compare(Object value, Object constant) {
            return Arrays.equals((byte[]) value, (byte[]) constant) ? 0 : 1;
        }
    }
}
