package dev.ferry.core.schema;

import dev.ferry.core.sql.SqlBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON document holding scalars its text cannot type: MySQL's JSON DECIMAL, DATE, TIME and
 * DATETIME values, which JSON text can only spell as a number (parsed back as a DOUBLE: {@code 1.50}
 * becomes {@code 1.5}) or a string. It travels as the document's text plus, for each such scalar, its
 * path, its SQL type and its literal; the destination writes the text and sets each scalar with
 * {@code JSON_SET(CAST(? AS JSON), path, CAST(literal AS type), ...)}.
 *
 * <p>In a change batch a JSON column's value is a {@link String}: the document text when it holds no
 * such scalar (the common case, carried and written as before), or this encoding, which starts with
 * U+0000 (no JSON text does) and is only read as such for JSON columns: {@code \0}, then the number
 * of scalars, then each scalar's path, type and literal, each field as its length, {@code :} and its
 * characters, then the document text.
 *
 * @param document the document's text, each typed scalar written as a number or a string
 * @param scalars the typed scalars, set in this order
 */
public record TypedJson(String document, List<Scalar> scalars) {
    /** The first character of an encoded value. */
    public static final char MARK = '\0';
    private static final Pattern TYPE = Pattern.compile("DECIMAL\\((\\d{1,2}),(\\d{1,2})\\)|DATE|TIME\\(6\\)|DATETIME\\(6\\)"
            + "|(?:TIMESTAMP\\(6\\)|OPAQUE\\((\\d{1,3})\\))(?:@(.+))?", Pattern.DOTALL);
    /** The MySQL field type code of a VARBINARY column's opaque scalars (VARCHAR). */
    public static final int OPAQUE_VARCHAR = 15;

    /**
     * One typed scalar.
     *
     * @param path its MySQL JSON path, e.g. {@code $."a"[2]}
     * @param type the SQL type that makes it: {@code DECIMAL(M,D)}, {@code DATE}, {@code TIME(6)},
     *        {@code DATETIME(6)}, {@code TIMESTAMP(6)} (a JSON TIMESTAMP, its wall-clock fields as printed) or
     *        {@code OPAQUE(NN)} (a JSON BLOB, BIT or OPAQUE value of MySQL field type code NN); the last two may end
     *        with {@code @database}, set only by the destination: the database of the functions that make them
     *        ({@link JsonScalarFunction})
     * @param literal its value as MySQL prints it; an opaque scalar's bytes in hexadecimal
     */
    public record Scalar(String path, String type, String literal) {
        /** A JSON TIMESTAMP scalar, {@code literal} as MySQL prints it ({@code 2038-01-19 03:14:07.500000}). */
        public static Scalar timestamp(String path, String literal) {
            return new Scalar(path, "TIMESTAMP(6)", literal);
        }

        /** An opaque scalar (JSON_TYPE BLOB, BIT or OPAQUE) of MySQL field type {@code fieldType}. */
        public static Scalar opaque(String path, int fieldType, byte[] bytes) {
            return new Scalar(path, "OPAQUE(" + fieldType + ")", java.util.HexFormat.of().withUpperCase().formatHex(bytes));
        }

        /** This scalar made with the functions of {@code database} (only TIMESTAMP and opaque scalars use them). */
        public Scalar withFunctionDatabase(String database) {
            return new Scalar(path, baseType() + "@" + database, literal);
        }

        /** The type without the destination's function database. */
        public String baseType() {
            int at = type.indexOf('@');
            return at < 0 ? type : type.substring(0, at);
        }

        /** The database of the functions that make this scalar, or null. */
        public String functionDatabase() {
            int at = type.indexOf('@');
            return at < 0 ? null : type.substring(at + 1);
        }

        /** Whether this is a JSON TIMESTAMP scalar. */
        public boolean isTimestamp() {
            return type.startsWith("TIMESTAMP");
        }

        /** The MySQL field type code of an opaque scalar, or -1. */
        public int opaqueType() {
            return type.startsWith("OPAQUE(") ? Integer.parseInt(type, 7, type.indexOf(')'), 10) : -1;
        }

        /** A DECIMAL scalar, typed with the precision its digits need and the scale written ({@code 1.50}: DECIMAL(3,2)). */
        public static Scalar decimal(String path, BigDecimal value) {
            int scale = Math.max(0, value.scale());
            return new Scalar(path, "DECIMAL(" + Math.max(1, Math.max(value.precision(), scale)) + "," + scale + ")", value.toPlainString());
        }

        public Scalar {
            var matcher = TYPE.matcher(type);
            if (!matcher.matches() || (matcher.group(3) != null && Integer.parseInt(matcher.group(3)) > 255)) {
                throw new IllegalArgumentException("not a JSON scalar type Ferry sets: " + type);
            }
        }
    }

    public TypedJson {
        scalars = List.copyOf(scalars);
    }

    /** Whether a JSON column's value is this encoding rather than plain document text. */
    public static boolean isEncoded(Object value) {
        return value instanceof String text && !text.isEmpty() && text.charAt(0) == MARK;
    }

    /** The value a JSON column carries: the plain text when there is no typed scalar. */
    public static String valueOf(String document, List<Scalar> scalars) {
        if (scalars.isEmpty()) {
            return document;
        }
        StringBuilder out = new StringBuilder(document.length() + 32 * scalars.size());
        out.append(MARK).append(scalars.size()).append(':');
        for (Scalar scalar : scalars) {
            field(out, scalar.path());
            field(out, scalar.type());
            field(out, scalar.literal());
        }
        return out.append(document).toString();
    }

    /** Reads an encoded value ({@link #isEncoded}). */
    public static TypedJson decode(String encoded) {
        if (!isEncoded(encoded)) {
            throw new IllegalArgumentException("not an encoded typed JSON value");
        }
        int[] at = {1};
        int count = number(encoded, at);
        List<Scalar> scalars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scalars.add(new Scalar(field(encoded, at), field(encoded, at), field(encoded, at)));
        }
        return new TypedJson(encoded.substring(at[0]), scalars);
    }

    /**
     * Appends the expression that makes this document from one placeholder bound to {@link #document()}:
     * {@code JSON_SET(CAST(? AS JSON), 'path', CAST('literal' AS type), ...)}; TIMESTAMP and opaque
     * scalars as {@link JsonScalarFunction#appendCall} makes them.
     */
    public SqlBuilder appendExpression(SqlBuilder sql) {
        sql.sql("JSON_SET(CAST(? AS JSON)");
        for (Scalar scalar : scalars) {
            sql.sql(", ").literal(scalar.path()).sql(", ");
            appendValue(sql, scalar, new SqlBuilder().literal(scalar.literal()).toString());
        }
        return sql.sql(")");
    }

    /** Appends the expression that makes {@code scalar} from {@code literal}, SQL text of a string (a literal or a variable). */
    public static SqlBuilder appendValue(SqlBuilder sql, Scalar scalar, String literal) {
        JsonScalarFunction function = JsonScalarFunction.of(scalar);
        if (function != null) {
            return function.appendCall(sql, literal);
        }
        return sql.sql("CAST(").sql(literal).sql(" AS ").sql(scalar.type()).sql(")");
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value);
    }

    private static String field(String encoded, int[] at) {
        int length = number(encoded, at);
        String value = encoded.substring(at[0], at[0] + length);
        at[0] += length;
        return value;
    }

    private static int number(String encoded, int[] at) {
        int colon = encoded.indexOf(':', at[0]);
        if (colon < 0) {
            throw new IllegalArgumentException("malformed typed JSON value");
        }
        int value = Integer.parseInt(encoded, at[0], colon, 10);
        at[0] = colon + 1;
        return value;
    }
}
