package dev.ferry.source.stream;

import dev.ferry.core.schema.ColumnDef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MySQL literals for the temporal values Debezium emits with {@code time.precision.mode=
 * adaptive_time_microseconds}: DATE as days, DATETIME as epoch milli- or microseconds without a
 * zone, TIMESTAMP as an ISO instant, TIME as microseconds (negative and beyond 24 hours allowed).
 * TIMESTAMP literals are in UTC, as the sink's sessions are.
 */
final class TemporalText {
    private TemporalText() {
    }

    static String of(ColumnDef column, String schemaName, Object value) {
        int fsp = column.dataType().equals("date") ? 0 : column.typeArgument(0);
        switch (column.dataType()) {
            case "date":
                return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case "datetime":
                return dateTime(epochMicros(schemaName, ((Number) value).longValue()), fsp);
            case "timestamp":
                Instant instant = OffsetDateTime.parse((String) value).toInstant();
                return dateTime(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000, fsp);
            case "time":
                return time(epochMicros(schemaName, ((Number) value).longValue()), fsp);
            default:
                throw new IllegalArgumentException("not a temporal column: " + column.name());
        }
    }

    private static long epochMicros(String schemaName, long value) {
        boolean micros = schemaName != null && schemaName.startsWith("io.debezium.time.Micro");
        return micros ? value : value * 1000L;
    }

    private static String dateTime(long epochMicros, int fsp) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, micros * 1000, ZoneOffset.UTC);
        String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
        return text + fraction(micros, fsp);
    }

    static String time(long micros, int fsp) {
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        long totalSeconds = abs / 1_000_000L;
        String text = String.format("%s%02d:%02d:%02d", sign, totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60);
        return text + fraction((int) (abs % 1_000_000L), fsp);
    }

    private static String fraction(int micros, int fsp) {
        if (fsp == 0) {
            return "";
        }
        return "." + String.format("%06d", micros).substring(0, fsp);
    }
}
