package dev.ferry.source.stream;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import org.apache.kafka.connect.data.SchemaBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
    /**
     * The row schema parameter holding a character column's character set as Debezium's schema history
     * knows it at the event ({@link PositionedDefinition}).
     */
    static final String CHARSET_PARAMETER = "ferry.charset";

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
        if (column.charsetName() != null) {
            schema.parameter(CHARSET_PARAMETER, column.charsetName());
        }
        Charset charset = javaCharset(column.charsetName());
        registration.register(schema, value -> raw(value, charset));
    }

    /**
     * The Java charset for a MySQL character set name, used only for a column's default value (Debezium
     * hands the converter the default from the DDL as a string to put into the field's schema; row
     * values always arrive as the binlog's bytes). Ferry takes defaults from the source's own catalog,
     * never from Debezium's schema, so this only has to produce bytes of the right type.
     */
    static Charset javaCharset(String mysqlCharset) {
        if (mysqlCharset == null) {
            return StandardCharsets.UTF_8;
        }
        return switch (mysqlCharset.toLowerCase(Locale.ROOT)) {
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            default -> StandardCharsets.UTF_8;
        };
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

    static Object raw(Object value, Charset charset) {
        if (value instanceof ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.duplicate().get(out);
            return out;
        }
        if (value instanceof String text) {
            // The column's default value, parsed by Debezium from the DDL (see javaCharset).
            return text.getBytes(charset);
        }
        // Bytes as the binlog holds them.
        return value;
    }
}
