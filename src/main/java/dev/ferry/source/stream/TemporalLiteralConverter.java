package dev.ferry.source.stream;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import org.apache.kafka.connect.data.SchemaBuilder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A Debezium {@link CustomConverter} that hands on DATE, DATETIME and TIMESTAMP values as MySQL
 * literals: {@code YYYY-MM-DD}, or {@code YYYY-MM-DD hh:mm:ss.ffffff} (six fractional digits, cut to
 * the column's precision by {@link StreamValueConverter}); TIMESTAMP in UTC, as the sink's sessions
 * are. It takes the values the binlog row deserializers made, including the zero and invalid dates of
 * {@link ExactTemporalRowDeserializers} ({@link InvalidTemporal}), which Debezium's own conversions
 * cannot represent.
 *
 * <p>The schema is optional for every column: a NOT NULL column whose value still arrives as NULL
 * (a zero date that Debezium's own deserializer turned into NULL) reaches {@link StreamValueConverter},
 * which stops with the table and column named, instead of Debezium substituting a value.
 */
public final class TemporalLiteralConverter implements CustomConverter<SchemaBuilder, RelationalColumn> {
    private static final Set<String> TYPES = Set.of("DATE", "DATETIME", "TIMESTAMP");

    @Override
    public void configure(Properties props) {
    }

    @Override
    public void converterFor(RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        if (TYPES.contains(column.typeName().toUpperCase(Locale.ROOT))) {
            registration.register(SchemaBuilder.string().optional(), TemporalLiteralConverter::literal);
        }
    }

    static Object literal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof InvalidTemporal invalid) {
            return invalid.literal();
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(dateTime);
        }
        if (value instanceof ZonedDateTime zoned) {
            return dateTime(zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof OffsetDateTime offset) {
            return dateTime(offset.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        // A column's default value from the DDL, which Debezium also passes through: Ferry takes defaults
        // from the source's catalog, so it only needs to be a string here.
        return value.toString();
    }

    private static String date(LocalDate date) {
        return appendDate(new StringBuilder(10), date).toString();
    }

    private static String dateTime(LocalDateTime t) {
        StringBuilder out = appendDate(new StringBuilder(26), t.toLocalDate()).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1000, 6).toString();
    }

    private static StringBuilder appendDate(StringBuilder out, LocalDate date) {
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        return pad(out, date.getDayOfMonth(), 2);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
