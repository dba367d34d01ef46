package dev.ferry.source.stream;

import dev.ferry.core.schema.ColumnDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class StreamValueConverterTest {

    private static ColumnDef column(String dataType, String columnType) {
        return new ColumnDef("c", dataType, columnType, null, null, true, null, false);
    }

    private static Object convert(String dataType, String columnType, String schemaName, Object value) {
        Schema schema = SchemaBuilder.int64().name(schemaName).optional().build();
        return StreamValueConverter.convert(column(dataType, columnType), schema, value);
    }

    @Test
    void datetimeAndTimestampLiteralsAreCutToTheColumnsFraction() {
        Schema literal = SchemaBuilder.string().optional().build();
        assertThat(StreamValueConverter.convert(column("datetime", "datetime(3)"), literal, "2023-11-14 22:13:20.123000"))
                .isEqualTo("2023-11-14 22:13:20.123");
        assertThat(StreamValueConverter.convert(column("datetime", "datetime"), literal, "0000-00-00 00:00:00.000000"))
                .isEqualTo("0000-00-00 00:00:00");
        assertThat(StreamValueConverter.convert(column("timestamp", "timestamp(6)"), literal, "2024-03-10 01:30:00.000001"))
                .isEqualTo("2024-03-10 01:30:00.000001");
        assertThat(StreamValueConverter.convert(column("date", "date"), literal, "2021-02-31")).isEqualTo("2021-02-31");
    }

    @Test
    void negativeAndLongTimes() {
        assertThat(convert("time", "time", "io.debezium.time.MicroTime", -(838L * 3600 + 59 * 60 + 59) * 1_000_000L))
                .isEqualTo("-838:59:59");
        assertThat(convert("time", "time(2)", "io.debezium.time.MicroTime", 90_061_500_000L)).isEqualTo("25:01:01.50");
    }

    @Test
    void numbersKeepTheirExactForm() {
        Schema any = SchemaBuilder.string().optional().build();
        assertThat(StreamValueConverter.convert(column("bigint", "bigint(20) unsigned"), any, new BigDecimal("18446744073709551615")))
                .isEqualTo("18446744073709551615");
        assertThat(StreamValueConverter.convert(column("decimal", "decimal(10,4)"), any, "-1.5000")).isEqualTo("-1.5000");
        assertThat(StreamValueConverter.convert(column("float", "float"), any, (double) 16777217f)).isEqualTo(16777216f);
        assertThat(StreamValueConverter.convert(column("tinyint", "tinyint(1)"), any, (short) 7)).isEqualTo(7L);
    }

    @Test
    void bitsBecomeBigEndianOfTheColumnsWidth() {
        ColumnDef bit12 = column("bit", "bit(12)");
        assertThat(StreamValueConverter.bits(bit12, new byte[] {0x34, 0x0A})).containsExactly(0x0A, 0x34);
        assertThat(StreamValueConverter.bits(column("bit", "bit(1)"), true)).containsExactly(1);
        assertThat(StreamValueConverter.bits(column("bit", "bit(64)"), new byte[] {1})).hasSize(8).endsWith(1);
    }

    @Test
    void geometryGetsItsSridPrefix() {
        Schema geometrySchema = SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry")
                .field("wkb", Schema.BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).build();
        Struct value = new Struct(geometrySchema).put("wkb", ByteBuffer.wrap(new byte[] {1, 2})).put("srid", 4326);
        Object out = StreamValueConverter.convert(column("point", "point"), geometrySchema, value);
        assertThat((byte[]) out).containsExactly(0xE6, 0x10, 0, 0, 1, 2);
    }

    @Test
    void characterColumnsArriveAsTheirBytesAndOnlyUtf8IsDecoded() {
        Schema bytes = SchemaBuilder.bytes().optional().build();
        ColumnDef latin1 = new ColumnDef("c", "varchar", "varchar(10)", "latin1", "latin1_swedish_ci", true, null, false);
        ColumnDef utf8 = new ColumnDef("c", "text", "text", "utf8mb4", "utf8mb4_bin", true, null, false);
        byte[] raw = {(byte) 0x81, (byte) 0x80, 0x20};
        assertThat((byte[]) StreamValueConverter.convert(latin1, bytes, ByteBuffer.wrap(raw))).containsExactly(raw);
        assertThat(StreamValueConverter.convert(utf8, bytes, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 0x20}))
                .isEqualTo("\uD83D\uDE00 ");
        assertThat(StreamValueConverter.convert(column("enum", "enum('a')"), bytes, "a")).isEqualTo("a");
    }

    @Test
    void yearZeroWhichTheBinlogReaderReadsAs1900IsZero() {
        assertThat(convert("year", "year(4)", "io.debezium.time.Year", 1900)).isEqualTo(0L);
        assertThat(convert("year", "year(4)", "io.debezium.time.Year", 1901)).isEqualTo(1901L);
        assertThat(convert("int", "int", null, 1900)).isEqualTo(1900L);
    }
}
