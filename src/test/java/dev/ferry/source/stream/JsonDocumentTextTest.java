package dev.ferry.source.stream;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

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
}
