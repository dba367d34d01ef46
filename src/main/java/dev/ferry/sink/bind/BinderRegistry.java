package dev.ferry.sink.bind;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.core.schema.ValueKind;

import java.sql.Types;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the {@link ValueBinder} for a value: by its Java type when the value is written to a
 * column, with two exceptions when it is compared with a column in a WHERE clause (FLOAT and BIT).
 */
public final class BinderRegistry {
    private final Map<Class<?>, ValueBinder> writers;
    private final Map<ValueKind, NullBinder> nulls;
    private final ValueBinder bitMatcher = new BitAsNumberBinder();
    /** A typed JSON value's parameter is its document's text; its statement sets the typed scalars. */
    private final ValueBinder typedJson = (statement, index, value) -> statement.setString(index, TypedJson.decode((String) value).document());

    private BinderRegistry(Map<Class<?>, ValueBinder> writers, Map<ValueKind, NullBinder> nulls) {
        this.writers = Map.copyOf(writers);
        this.nulls = nulls;
    }

    /** The binders for every Java type a change batch carries. */
    public static BinderRegistry standard() {
        Map<ValueKind, NullBinder> nulls = new EnumMap<>(ValueKind.class);
        nulls.put(ValueKind.INTEGER, new NullBinder(Types.BIGINT));
        nulls.put(ValueKind.UNSIGNED_BIGINT, new NullBinder(Types.NUMERIC));
        nulls.put(ValueKind.DECIMAL, new NullBinder(Types.DECIMAL));
        nulls.put(ValueKind.FLOAT, new NullBinder(Types.REAL));
        nulls.put(ValueKind.DOUBLE, new NullBinder(Types.DOUBLE));
        nulls.put(ValueKind.TEMPORAL, new NullBinder(Types.VARCHAR));
        nulls.put(ValueKind.TEXT, new NullBinder(Types.VARCHAR));
        nulls.put(ValueKind.BINARY, new NullBinder(Types.VARBINARY));
        return new BinderRegistry(Map.of(
                Long.class, new LongBinder(),
                Float.class, new FloatBinder(),
                Double.class, new DoubleBinder(),
                String.class, new StringBinder(),
                byte[].class, new BytesBinder()), nulls);
    }

    /** The binder that writes {@code value} into {@code column}. */
    public ValueBinder forWrite(ColumnDef column, Object value) {
        if (value == null) {
            return nulls.get(column.valueKind());
        }
        if (TypedJson.isEncoded(value) && column.dataType().equalsIgnoreCase("json")) {
            return typedJson;
        }
        ValueBinder binder = writers.get(value.getClass());
        if (binder == null) {
            throw new IllegalArgumentException("No binder for a value of type " + value.getClass().getName()
                    + " in column " + column.name());
        }
        return binder;
    }

    /** The binder for {@code value} compared with {@code column} in a WHERE clause. */
    public ValueBinder forMatch(ColumnDef column, Object value) {
        if (value instanceof byte[] && column.dataType().toLowerCase(Locale.ROOT).equals("bit")) {
            return bitMatcher;
        }
        return forWrite(column, value);
    }
}
