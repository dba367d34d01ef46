package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalCellsTest {

    private static ByteArrayInputStream in(long value, int length, boolean bigEndian, byte... tail) {
        byte[] bytes = new byte[length + tail.length];
        for (int i = 0; i < length; i++) {
            int shift = 8 * (bigEndian ? length - 1 - i : i);
            bytes[i] = (byte) (value >>> shift);
        }
        System.arraycopy(tail, 0, bytes, length, tail.length);
        return new ByteArrayInputStream(bytes);
    }

    private static ByteArrayInputStream date(int year, int month, int day) {
        return in(((long) year * 16 + month) * 32 + day, 3, false);
    }

    private static ByteArrayInputStream datetime2(int year, int month, int day, int hour, int minute, int second, byte... fraction) {
        long packed = (1L << 39) | ((long) (year * 13 + month) << 22) | ((long) day << 17) | ((long) hour << 12)
                | ((long) minute << 6) | second;
        return in(packed, 5, true, fraction);
    }

    private static Object literal(Object cell) {
        return TemporalLiteralConverter.literal(cell);
    }

    @Test
    void zeroAndInvalidDatesKeepTheirParts() throws IOException {
        assertThat(TemporalCells.date(date(0, 0, 0))).isEqualTo(new InvalidTemporal("0000-00-00"));
        assertThat(TemporalCells.date(date(2020, 0, 15))).isEqualTo(new InvalidTemporal("2020-00-15"));
        assertThat(TemporalCells.date(date(2021, 2, 31))).isEqualTo(new InvalidTemporal("2021-02-31"));
        assertThat(TemporalCells.date(date(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(literal(TemporalCells.date(date(0, 1, 1)))).isEqualTo("0000-01-01");
        assertThat(literal(TemporalCells.date(date(9999, 12, 31)))).isEqualTo("9999-12-31");
    }

    @Test
    void datetimeWithFractionsOfEveryWidth() throws IOException {
        assertThat(TemporalCells.datetimeV2(6, datetime2(2020, 0, 15, 0, 0, 0, (byte) 0, (byte) 0, (byte) 1)))
                .isEqualTo(new InvalidTemporal("2020-00-15 00:00:00.000001"));
        assertThat(TemporalCells.datetimeV2(0, datetime2(0, 0, 0, 0, 0, 0)))
                .isEqualTo(new InvalidTemporal("0000-00-00 00:00:00.000000"));
        assertThat(TemporalCells.datetimeV2(0, datetime2(2021, 4, 31, 23, 59, 59)))
                .isEqualTo(new InvalidTemporal("2021-04-31 23:59:59.000000"));
        // fsp 1 and 2 store hundredths, 3 and 4 ten-thousandths, 5 and 6 microseconds
        assertThat(TemporalCells.datetimeV2(2, datetime2(9999, 12, 31, 23, 59, 59, (byte) 99)))
                .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 990_000_000));
        assertThat(TemporalCells.datetimeV2(3, datetime2(1000, 1, 1, 0, 0, 0, (byte) 0x27, (byte) 0x06)))
                .isEqualTo(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 999_000_000));
        assertThat(literal(TemporalCells.datetimeV2(6, datetime2(0, 1, 1, 0, 0, 0, (byte) 0x07, (byte) 0xA1, (byte) 0x20))))
                .isEqualTo("0000-01-01 00:00:00.500000");
    }

    @Test
    void olderDatetimeFormatIsADecimalNumber() throws IOException {
        assertThat(TemporalCells.datetimeV1(in(20200015103000L, 8, false))).isEqualTo(new InvalidTemporal("2020-00-15 10:30:00.000000"));
        assertThat(TemporalCells.datetimeV1(in(19991231235959L, 8, false))).isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59));
    }

    @Test
    void zeroTimestampAndTimestampsInUtc() throws IOException {
        assertThat(TemporalCells.timestampV2(6, in(0, 4, true, (byte) 0, (byte) 0, (byte) 0)))
                .isEqualTo(new InvalidTemporal("0000-00-00 00:00:00.000000"));
        assertThat(TemporalCells.timestampV1(in(0, 4, false))).isEqualTo(new InvalidTemporal("0000-00-00 00:00:00.000000"));
        Object max = TemporalCells.timestampV2(3, in(2147483647L, 4, true, (byte) 0x27, (byte) 0x06));
        assertThat(max).isEqualTo(ZonedDateTime.of(2038, 1, 19, 3, 14, 7, 999_000_000, ZoneOffset.UTC));
        assertThat(literal(max)).isEqualTo("2038-01-19 03:14:07.999000");
        assertThat(literal(TemporalCells.timestampV1(in(1, 4, false)))).isEqualTo("1970-01-01 00:00:01.000000");
    }

    @Test
    void aRegistrationSeesWhetherTheClientHadConnected() {
        assertThat(DeserializerWatch.afterRegistration(0)).isEqualTo(DeserializerWatch.State.INSTALLED);
        assertThat(DeserializerWatch.afterRegistration(42)).isEqualTo(DeserializerWatch.State.LOST);
        assertThat(DebeziumStream.handOn(DeserializerWatch.State.INSTALLED, true)).isTrue();
        assertThat(DebeziumStream.handOn(DeserializerWatch.State.WAITING, false)).as("schema changes before streaming").isTrue();
        assertThat(DebeziumStream.handOn(DeserializerWatch.State.WAITING, true)).as("rows read before registration").isFalse();
        assertThat(DebeziumStream.handOn(DeserializerWatch.State.LOST, false)).isFalse();
    }
}
