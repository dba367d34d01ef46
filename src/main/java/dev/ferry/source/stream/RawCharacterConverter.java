package dev.ferry.source.stream;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import org.apache.kafka.connect.data.SchemaBuilder;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A Debezium {@link CustomConverter} that hands on the bytes a CHAR, VARCHAR or TEXT column holds in
 * the binlog instead of Debezium's decoding of them into a string, which uses Java's charsets: those
 * differ from MySQL's (Java's windows-1252 has no character for 0x81, MySQL's latin1 does) and turn
 * such bytes into U+FFFD. {@link StreamValueConverter} decodes UTF-8 columns itself and keeps the
 * bytes of every other character set. JSON columns are turned into text by {@link JsonDocumentText},
 * which keeps every double exact.
 */
public final class RawCharacterConverter implements CustomConverter<SchemaBuilder, RelationalColumn> {
    private static final Set<String> TYPES = Set.of("CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT",
            "NCHAR", "NVARCHAR", "CHARACTER", "CHARACTER VARYING", "NATIONAL CHAR", "NATIONAL VARCHAR");

    @Override
    public void configure(Properties props) {
    }

    @Override
    public void converterFor(RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        if (column.typeName().equalsIgnoreCase("JSON")) {
            SchemaBuilder schema = SchemaBuilder.string();
            if (column.isOptional()) {
                schema.optional();
            }
            registration.register(schema, RawCharacterConverter::json);
            return;
        }
        if (!TYPES.contains(column.typeName().toUpperCase(Locale.ROOT))) {
            return;
        }
        SchemaBuilder schema = SchemaBuilder.bytes();
        if (column.isOptional()) {
            schema.optional();
        }
        registration.register(schema, RawCharacterConverter::raw);
    }

    /** A JSON column's binary document as text with exact doubles ({@link JsonDocumentText}). */
    private static Object json(Object value) {
        if (!(value instanceof byte[] binary)) {
            return value;
        }
        try {
            return JsonDocumentText.of(binary);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read a binary JSON document from the binlog", e);
        }
    }

    private static Object raw(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.duplicate().get(out);
            return out;
        }
        // Bytes as the binlog holds them; a string only if Debezium ever decoded one itself.
        return value;
    }
}
