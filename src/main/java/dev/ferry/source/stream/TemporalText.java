package dev.ferry.source.stream;

import dev.ferry.core.schema.ColumnDef;

/**
 * MySQL literals for the temporal values of binlog rows. DATE, DATETIME and TIMESTAMP arrive as
 * literals from {@link TemporalLiteralConverter} (six fractional digits, cut here to the column's
 * precision); TIME arrives from Debezium with {@code time.precision.mode=adaptive_time_microseconds}
 * as micro- or milliseconds (negative and beyond 24 hours allowed).
 */
final class TemporalText {
    /** {@code YYYY-MM-DD hh:mm:ss}, the length of a DATETIME or TIMESTAMP literal without its fraction. */
    private static final int SECONDS_LENGTH = 19;

    private TemporalText() {
    }

    static String of(ColumnDef column, String schemaName, Object value) {
        switch (column.dataType()) {
            case "date":
                return (String) value;
            case "datetime":
            case "timestamp":
                int fsp = column.typeArgument(0);
                return ((String) value).substring(0, fsp == 0 ? SECONDS_LENGTH : SECONDS_LENGTH + 1 + fsp);
            case "time":
                return time(epochMicros(schemaName, ((Number) value).longValue()), column.typeArgument(0));
            default:
                throw new IllegalArgumentException("not a temporal column: " + column.name());
        }
    }

    private static long epochMicros(String schemaName, long value) {
        boolean micros = schemaName != null && schemaName.startsWith("io.debezium.time.Micro");
        return micros ? value : value * 1000L;
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
