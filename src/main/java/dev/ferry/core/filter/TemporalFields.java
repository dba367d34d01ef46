package dev.ferry.core.filter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DATE and DATETIME text as the fields MySQL compares: year, month, day, hour, minute, second and
 * microsecond, so that comparing the arrays in order is comparing the values (zero dates included).
 */
final class TemporalFields {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?)?");

    private TemporalFields() {
    }

    /** A constant in a filter: a valid calendar date, with an optional valid time; else null. */
    static long[] parseLiteral(String text) {
        long[] fields = parse(text);
        if (fields == null) {
            return null;
        }
        try {
            LocalDate.of((int) fields[0], (int) fields[1], (int) fields[2]);
        }
        catch (DateTimeException e) {
            return null;
        }
        return fields[3] < 24 && fields[4] < 60 && fields[5] < 60 ? fields : null;
    }

    /** A column value as Ferry carries it (the server's own text, zero dates included). */
    static long[] parseValue(String text) {
        long[] fields = parse(text);
        if (fields == null) {
            throw new IllegalArgumentException("not a DATE or DATETIME value: " + text);
        }
        return fields;
    }

    private static long[] parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long[] fields = new long[7];
        for (int i = 0; i < 6; i++) {
            fields[i] = m.group(i + 1) == null ? 0 : Long.parseLong(m.group(i + 1));
        }
        String fraction = m.group(7);
        fields[6] = fraction == null ? 0 : Long.parseLong((fraction + "00000").substring(0, 6));
        return fields;
    }
}
