package dev.ferry.source.stream;

import dev.ferry.core.schema.TypedJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the formatter as the binlog library's JSON parser does. */
class JsonDocumentTextTest {
    /** MySQL's binary JSON scalar: a type byte, then the value little-endian (0x0b double, 0x09 int64). */
    private static byte[] scalar(int type, long bits) {
        return ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) type).putLong(bits).array();
    }

    @Test
    void doublesAreWrittenInTheirShortestRoundTripForm() throws Exception {
        assertThat(JsonDocumentText.of(scalar(0x0b, Double.doubleToLongBits(1e308)))).isEqualTo("1.0E308");
        assertThat(JsonDocumentText.of(scalar(0x0b, Double.doubleToLongBits(Double.MAX_VALUE)))).isEqualTo("1.7976931348623157E308");
        assertThat(JsonDocumentText.of(scalar(0x0b, Double.doubleToLongBits(-0.0)))).isEqualTo("-0.0");
        assertThat(Double.parseDouble(JsonDocumentText.of(scalar(0x0b, 1L)))).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void integersAreExact() throws Exception {
        assertThat(JsonDocumentText.of(scalar(0x09, Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    }

    @Test
    void anOpaqueDecimalFromTheBinlogKeepsItsScale() throws Exception {
        // opaque (0x0f) of type NEWDECIMAL (246), 4 bytes: precision 3, scale 2, then 1.50 in MySQL's decimal binary
        byte[] binary = {0x0f, (byte) 246, 4, 3, 2, (byte) 0x81, 0x32};
        TypedJson typed = TypedJson.decode(JsonDocumentText.of(binary));
        assertThat(typed.document()).isEqualTo("1.50");
        assertThat(typed.scalars()).containsExactly(new TypedJson.Scalar("$", "DECIMAL(3,2)", "1.50"));
    }

    @Test
    void aDocumentWithoutTypedScalarsStaysPlainText() {
        JsonDocumentText f = new JsonDocumentText();
        f.beginObject(2);
        f.name("a");
        f.value(1.5);
        f.nextEntry();
        f.name("s");
        f.value("2020-01-01");
        f.endObject();
        assertThat(f.value()).isEqualTo("{\"a\":1.5,\"s\":\"2020-01-01\"}");
    }

    @Test
    void typedScalarsAreRecordedWithTheirPaths() {
        JsonDocumentText f = new JsonDocumentText();
        f.beginObject(2);
        f.name("d");
        f.value(new BigDecimal("1.50"));
        f.nextEntry();
        f.name("k\"\\ey");
        f.beginArray(3);
        f.value(1L);
        f.nextEntry();
        f.valueDate(2020, 2, 29);
        f.nextEntry();
        f.beginArray(1);
        f.value(new BigDecimal("0.05"));
        f.endArray();
        f.endArray();
        f.endObject();
        TypedJson typed = TypedJson.decode(f.value());
        assertThat(typed.document()).isEqualTo("{\"d\":1.50,\"k\\\"\\\\ey\":[1,\"2020-02-29\",[0.05]]}");
        assertThat(typed.scalars()).containsExactly(
                new TypedJson.Scalar("$.\"d\"", "DECIMAL(3,2)", "1.50"),
                new TypedJson.Scalar("$.\"k\\\"\\\\ey\"[1]", "DATE", "2020-02-29"),
                new TypedJson.Scalar("$.\"k\\\"\\\\ey\"[2][0]", "DECIMAL(2,2)", "0.05"));
    }

    @Test
    void aRootScalarAndTheLibrarysOverflowedMinute() {
        JsonDocumentText f = new JsonDocumentText();
        // 9999-12-31 23:59:59.999999 as the library hands it on: the minute overflowed to -5
        f.valueDatetime(9999, 12, 31, 23, -5, 59, 999_999);
        assertThat(TypedJson.decode(f.value()).scalars())
                .containsExactly(new TypedJson.Scalar("$", "DATETIME(6)", "9999-12-31 23:59:59.999999"));
        JsonDocumentText time = new JsonDocumentText();
        time.valueTime(23, 59, 59, 0);
        assertThat(TypedJson.decode(time.value()).scalars()).containsExactly(new TypedJson.Scalar("$", "TIME(6)", "23:59:59.000000"));
    }

    /** A binary JSON TIME scalar: opaque (0x0f) of type TIME (11), 8 bytes: MySQL's packed time, little-endian. */
    private static byte[] time(boolean negative, int hour, int minute, int second, int micros) {
        long hms = ((long) hour << 12) | (minute << 6) | second;
        long packed = (hms << 24) + micros;
        return ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x0f).put((byte) 11).put((byte) 8)
                .putLong(negative ? -packed : packed).array();
    }

    @Test
    void negativeTimesAreDecodedFromMySqlsPackedValue() throws Exception {
        // The binlog library hands -12:00:00 on as 12:00:00, and -00:00:00.5 as hour 1, minute -1, second -1, micros -500000.
        assertThat(TypedJson.decode(JsonDocumentText.of(time(true, 12, 0, 0, 0))).scalars())
                .containsExactly(new TypedJson.Scalar("$", "TIME(6)", "-12:00:00.000000"));
        assertThat(TypedJson.decode(JsonDocumentText.of(time(true, 0, 0, 0, 500_000))).scalars())
                .containsExactly(new TypedJson.Scalar("$", "TIME(6)", "-00:00:00.500000"));
        // MySQL stores -838:59:59 in JSON as -630:59:59; writing -838:59:59 stores that again.
        assertThat(TypedJson.decode(JsonDocumentText.of(time(true, 630, 59, 59, 0))).document()).isEqualTo("\"-838:59:59.000000\"");
        assertThat(TypedJson.decode(JsonDocumentText.of(time(false, 630, 59, 59, 999_999))).document()).isEqualTo("\"838:59:59.999999\"");
        assertThat(TypedJson.decode(JsonDocumentText.of(time(false, 30, 0, 0, 0))).document()).isEqualTo("\"30:00:00.000000\"");
    }

    @Test
    void controlCharactersInMemberNamesAreEscapedInPaths() {
        JsonDocumentText f = new JsonDocumentText();
        f.beginObject(1);
        f.name("tab\tkey");
        f.value(new BigDecimal("-0.5"));
        f.endObject();
        assertThat(TypedJson.decode(f.value()).scalars()).containsExactly(new TypedJson.Scalar("$.\"tab\\u0009key\"", "DECIMAL(1,1)", "-0.5"));
    }

    /** A binary JSON opaque scalar (0x0f) of MySQL field type {@code type}: the type, the length, the bytes. */
    private static byte[] opaque(int type, byte... bytes) {
        return ByteBuffer.allocate(3 + bytes.length).put((byte) 0x0f).put((byte) type).put((byte) bytes.length).put(bytes).array();
    }

    @Test
    void opaqueScalarsAreRecordedWithTheirFieldTypeAndBytes() throws Exception {
        TypedJson blob = TypedJson.decode(JsonDocumentText.of(opaque(252, (byte) 0, (byte) 0xff)));
        assertThat(blob.document()).isEqualTo("\"base64:type252:AP8=\"");
        assertThat(blob.scalars()).containsExactly(new TypedJson.Scalar("$", "OPAQUE(252)", "00FF"));
        assertThat(TypedJson.decode(JsonDocumentText.of(opaque(16, (byte) 0x10, (byte) 1))).scalars())
                .containsExactly(new TypedJson.Scalar("$", "OPAQUE(16)", "1001"));
        assertThat(TypedJson.decode(JsonDocumentText.of(opaque(15))).scalars()).containsExactly(new TypedJson.Scalar("$", "OPAQUE(15)", ""));
    }

    @Test
    void aTimestampScalarIsNotADatetime() throws Exception {
        long hms = (12L << 12) | (34 << 6) | 56;
        long ymd = ((2038L * 13 + 1) << 5) | 19;
        long packed = (((ymd << 17) | hms) << 24) + 500_000;
        for (int type : new int[] {7, 17}) {
            byte[] binary = ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x0f).put((byte) type).put((byte) 8)
                    .putLong(packed).array();
            assertThat(TypedJson.decode(JsonDocumentText.of(binary)).scalars())
                    .containsExactly(new TypedJson.Scalar("$", "TIMESTAMP(6)", "2038-01-19 12:34:56.500000"));
        }
        byte[] datetime = ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x0f).put((byte) 12).put((byte) 8)
                .putLong(packed).array();
        assertThat(TypedJson.decode(JsonDocumentText.of(datetime)).scalars())
                .containsExactly(new TypedJson.Scalar("$", "DATETIME(6)", "2038-01-19 12:34:56.500000"));
    }
}
