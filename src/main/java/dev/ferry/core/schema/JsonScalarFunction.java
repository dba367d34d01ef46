package dev.ferry.core.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

/**
 * A stored function of the destination that makes a JSON scalar no SQL expression makes: MySQL types
 * a value put into a JSON document by its expression's field type, and only a column (or a stored
 * function's result) has the field type of a TIMESTAMP, a BLOB, a BINARY(n) or a BIT(n). Each function
 * returns its argument as that type: {@code JSON_SET(doc, path, db.ferry_json_blob(UNHEX('00FF')))}
 * sets the same scalar {@code JSON_OBJECT('a', blob_column)} does.
 *
 * <p>Even an opaque scalar of field type 15 (VARCHAR, a VARBINARY column's) is made by a function:
 * {@code CAST(x AS BINARY)} makes one on 8.0, but not from a user variable (LOAD DATA's fields, which
 * make a LONGBLOB, type251), nor on 5.7 (type253). TIMESTAMP scalars are made in the sink's {@code '+00:00'} session, whose wall-clock fields
 * a TIMESTAMP keeps from {@code 1970-01-01 00:00:01} to {@code 2038-01-19 03:14:07.999999}.
 *
 * @param database the database that holds it (the sink's state database)
 * @param name its name, e.g. {@code ferry_json_bit_2}
 * @param parameter the parameter's SQL type
 * @param returns the returned SQL type
 * @param argument how the scalar's literal (a string: the printed TIMESTAMP, or hexadecimal bytes) becomes the argument, {@code %s} for the literal
 */
public record JsonScalarFunction(String database, String name, String parameter, String returns, String argument) {
    /** The smallest and largest TIMESTAMP(6) values, as printed in a '+00:00' session. */
    public static final String TIMESTAMP_MIN = "1970-01-01 00:00:01.000000";
    public static final String TIMESTAMP_MAX = "2038-01-19 03:14:07.999999";

    private static final String HEX = "UNHEX(%s)";
    /** The longest VARBINARY opaque made (a VARBINARY column's longest value). */
    static final int MAX_VARBINARY = 65535;

    /** The function that makes {@code scalar}, or null when its type needs none (DECIMAL, DATE, TIME, DATETIME). */
    public static JsonScalarFunction of(TypedJson.Scalar scalar) {
        int opaque = scalar.opaqueType();
        if (!scalar.isTimestamp() && opaque < 0) {
            return null;
        }
        String database = scalar.functionDatabase();
        if (database == null) {
            throw new IllegalStateException("the JSON scalar at " + scalar.path() + " of type " + scalar.type()
                    + " is made by a function of the destination, whose database is not set");
        }
        if (scalar.isTimestamp()) {
            return new JsonScalarFunction(database, "ferry_json_timestamp", "DATETIME(6)", "TIMESTAMP(6)", "CAST(%s AS DATETIME(6))");
        }
        int bytes = scalar.literal().length() / 2;
        return switch (opaque) {
            case 252 -> new JsonScalarFunction(database, "ferry_json_blob", "LONGBLOB", "LONGBLOB", HEX);
            case TypedJson.OPAQUE_VARCHAR -> new JsonScalarFunction(database, "ferry_json_varbinary", "LONGBLOB", "VARBINARY(" + MAX_VARBINARY + ")", HEX);
            case 254 -> {
                if (bytes > 255) {
                    throw new IllegalArgumentException("a BINARY opaque JSON scalar of " + bytes + " bytes at " + scalar.path());
                }
                yield new JsonScalarFunction(database, "ferry_json_binary_" + bytes, "VARBINARY(255)", "BINARY(" + bytes + ")", HEX);
            }
            case 16 -> {
                if (bytes < 1 || bytes > 8) {
                    throw new IllegalArgumentException("a BIT opaque JSON scalar of " + bytes + " bytes at " + scalar.path());
                }
                yield new JsonScalarFunction(database, "ferry_json_bit_" + bytes, "BIGINT UNSIGNED", "BIT(" + 8 * bytes + ")",
                        "CAST(CONV(%s, 16, 10) AS UNSIGNED)");
            }
            default -> throw new IllegalArgumentException("no function makes an opaque JSON scalar of field type " + opaque
                    + " (at " + scalar.path() + ")");
        };
    }

    /** Whether the destination (MySQL 8.0) can make an opaque scalar of {@code fieldType} holding {@code bytes} bytes. */
    public static boolean makesOpaque(int fieldType, int bytes) {
        return switch (fieldType) {
            case 252 -> true;
            case TypedJson.OPAQUE_VARCHAR -> bytes <= MAX_VARBINARY;
            case 254 -> bytes <= 255;
            case 16 -> bytes >= 1 && bytes <= 8;
            default -> false;
        };
    }

    /** Whether a TIMESTAMP scalar printed as {@code literal} can be made (see the class comment). */
    public static boolean makesTimestamp(String literal) {
        return literal.length() == TIMESTAMP_MIN.length() && literal.compareTo(TIMESTAMP_MIN) >= 0 && literal.compareTo(TIMESTAMP_MAX) <= 0;
    }

    /** The function as a table-like name (database and name), for messages and quoting. */
    public TableId id() {
        return new TableId(database, name);
    }

    /** Appends the call that makes the scalar from {@code literal}, SQL text of a string. */
    public SqlBuilder appendCall(SqlBuilder sql, String literal) {
        return sql.table(id()).sql("(").sql(String.format(argument, literal)).sql(")");
    }

    /** {@code CREATE FUNCTION db.name(v parameter) RETURNS returns DETERMINISTIC NO SQL RETURN v}. */
    public String createStatement() {
        return new SqlBuilder().sql("CREATE FUNCTION ").table(id()).sql("(v ").sql(parameter).sql(") RETURNS ").sql(returns)
                .sql(" DETERMINISTIC NO SQL RETURN v").toString();
    }
}
