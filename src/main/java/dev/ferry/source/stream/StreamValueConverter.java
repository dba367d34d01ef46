package dev.ferry.source.stream;

import dev.ferry.core.schema.ColumnDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a value of Debezium's MySQL event representation back into the exact value Ferry carries
 * for the column's {@link dev.ferry.core.schema.ValueKind}, the same value the snapshot reads.
 */
final class StreamValueConverter {

    private StreamValueConverter() {
    }

    static Object convert(ColumnDef column, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.valueKind()) {
            case INTEGER -> integer(column, value);
            case UNSIGNED_BIGINT -> value instanceof BigDecimal d ? d.toPlainString() : Long.toUnsignedString(((Number) value).longValue());
            case DECIMAL -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case TEMPORAL -> TemporalText.of(column, schema.name(), value);
            case TEXT -> text(column, value);
            case BINARY -> binary(column, schema, value);
        };
    }

    private static long integer(ColumnDef column, Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        long number = ((Number) value).longValue();
        // The binlog reader reads a YEAR as 1900 plus the stored byte, so the year 0000 (byte 0) arrives as 1900.
        return number == 1900 && column.dataType().equalsIgnoreCase("year") ? 0L : number;
    }

    /** {@link RawCharacterConverter} hands on CHAR, VARCHAR and TEXT values as the column's bytes. */
    private static Object text(ColumnDef column, Object value) {
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            byte[] raw = bytes(value);
            return column.textAsBytes() ? raw : new String(raw, StandardCharsets.UTF_8);
        }
        if (column.textAsBytes()) {
            throw new IllegalStateException("Column " + column.name() + " (" + column.charset() + ") arrived decoded by Debezium, "
                    + "not as its bytes: is the '" + RawCharacterConverter.class.getSimpleName() + "' converter registered?");
        }
        return value.toString();
    }

    private static byte[] binary(ColumnDef column, Schema schema, Object value) {
        if ("bit".equals(column.dataType())) {
            return bits(column, value);
        }
        if (value instanceof Struct geometry) {
            return geometry(geometry);
        }
        return bytes(value);
    }

    /** BIT(n) as MySQL stores it: big-endian, (n + 7) / 8 bytes. Debezium sends little-endian. */
    static byte[] bits(ColumnDef column, Object value) {
        int width = (column.typeArgument(1) + 7) / 8;
        byte[] out = new byte[Math.max(1, width)];
        if (value instanceof Boolean b) {
            out[out.length - 1] = (byte) (b ? 1 : 0);
            return out;
        }
        byte[] little = bytes(value);
        for (int i = 0; i < little.length && i < out.length; i++) {
            out[out.length - 1 - i] = little[i];
        }
        return out;
    }

    /** MySQL's internal geometry value: the SRID as 4 little-endian bytes, then the WKB. */
    private static byte[] geometry(Struct geometry) {
        byte[] wkb = bytes(geometry.get("wkb"));
        Integer srid = geometry.schema().field("srid") == null ? null : geometry.getInt32("srid");
        ByteBuffer out = ByteBuffer.allocate(4 + wkb.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putInt(srid == null ? 0 : srid).put(wkb);
        return out.array();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.duplicate().get(out);
            return out;
        }
        throw new IllegalArgumentException("expected bytes, got " + value.getClass().getSimpleName());
    }
}
