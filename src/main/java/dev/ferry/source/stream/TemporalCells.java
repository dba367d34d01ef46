package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Reads DATE, DATETIME and TIMESTAMP cells of binlog row events in MySQL's storage formats. A valid
 * value becomes the Java object Debezium's own row deserializer makes of it ({@link LocalDate},
 * {@link LocalDateTime}, {@link ZonedDateTime} in UTC); a zero date, a date with a zero part, an
 * invalid day such as {@code 2021-02-31} and the zero TIMESTAMP become an {@link InvalidTemporal}
 * holding the stored value's literal, where Debezium makes NULL or fails.
 */
final class TemporalCells {
    private TemporalCells() {
    }

    /** DATE: 3 bytes little-endian, day in bits 0-4, month in bits 5-8, year above. */
    static Serializable date(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(3);
        int day = value & 31;
        int month = (value >>> 5) & 15;
        int year = value >>> 9;
        LocalDate date = validDate(year, month, day);
        return date != null ? date : new InvalidTemporal(String.format("%04d-%02d-%02d", year, month, day));
    }

    /** DATETIME before MySQL 5.6.4: 8 bytes little-endian holding the decimal number YYYYMMDDhhmmss. */
    static Serializable datetimeV1(ByteArrayInputStream in) throws IOException {
        long value = in.readLong(8);
        int second = (int) (value % 100);
        int minute = (int) (value / 100 % 100);
        int hour = (int) (value / 10_000 % 100);
        int day = (int) (value / 1_000_000 % 100);
        int month = (int) (value / 100_000_000 % 100);
        int year = (int) (value / 10_000_000_000L);
        return dateTime(year, month, day, hour, minute, second, 0);
    }

    /**
     * DATETIME(fsp): 5 bytes big-endian (sign bit, 17 bits year * 13 + month, 5 bits day, 5 bits hour,
     * 6 bits minute, 6 bits second), then the fraction ({@link #fractionMicros}).
     */
    static Serializable datetimeV2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed = bigEndian(in.read(5));
        int yearMonth = (int) ((packed >>> 22) & 0x1FFFF);
        int day = (int) ((packed >>> 17) & 31);
        int hour = (int) ((packed >>> 12) & 31);
        int minute = (int) ((packed >>> 6) & 63);
        int second = (int) (packed & 63);
        return dateTime(yearMonth / 13, yearMonth % 13, day, hour, minute, second, fractionMicros(fsp, in));
    }

    /** TIMESTAMP before MySQL 5.6.4: seconds since the epoch, 4 bytes little-endian; 0 is the zero TIMESTAMP. */
    static Serializable timestampV1(ByteArrayInputStream in) throws IOException {
        return timestamp(in.readLong(4), 0);
    }

    /** TIMESTAMP(fsp): seconds since the epoch, 4 bytes big-endian, then the fraction; 0 is the zero TIMESTAMP. */
    static Serializable timestampV2(int fsp, ByteArrayInputStream in) throws IOException {
        long seconds = bigEndian(in.read(4));
        return timestamp(seconds, fractionMicros(fsp, in));
    }

    /**
     * The fractional seconds that follow a DATETIME, TIME or TIMESTAMP, as microseconds: (fsp + 1) / 2
     * bytes big-endian, counting hundredths (fsp 1-2), ten-thousandths (3-4) or microseconds (5-6).
     */
    static int fractionMicros(int fsp, ByteArrayInputStream in) throws IOException {
        int length = (fsp + 1) / 2;
        if (length == 0) {
            return 0;
        }
        long fraction = bigEndian(in.read(length));
        return (int) (fraction * switch (length) {
            case 1 -> 10_000;
            case 2 -> 100;
            default -> 1;
        });
    }

    private static Serializable timestamp(long epochSeconds, int micros) {
        if (epochSeconds == 0 && micros == 0) {
            return new InvalidTemporal("0000-00-00 00:00:00.000000");
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds, micros * 1000L), ZoneOffset.UTC);
    }

    private static Serializable dateTime(int year, int month, int day, int hour, int minute, int second, int micros) {
        LocalDate date = validDate(year, month, day);
        if (date != null) {
            try {
                return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second, micros * 1000));
            }
            catch (DateTimeException e) {
                // a time part MySQL would not store; carried as stored
            }
        }
        return new InvalidTemporal(String.format("%04d-%02d-%02d %02d:%02d:%02d.%06d", year, month, day, hour, minute, second, micros));
    }

    /** The date, or null when it has a zero part or does not exist (MySQL's ALLOW_INVALID_DATES stores those). */
    private static LocalDate validDate(int year, int month, int day) {
        if (month == 0 || day == 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    private static long bigEndian(byte[] bytes) {
        long result = 0;
        for (byte b : bytes) {
            result = (result << 8) | (b & 0xFF);
        }
        return result;
    }
}
