package dev.ferry.source.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonNegativeZeroTest {
    @Test
    void aBareMinusZeroBecomesTheDoubleItIs() {
        assertThat(JsonNegativeZero.keepSign("-0")).isEqualTo("-0.0");
        assertThat(JsonNegativeZero.keepSign("[1e308, -0, 0.1]")).isEqualTo("[1e308, -0.0, 0.1]");
        assertThat(JsonNegativeZero.keepSign("{\"n\": -0}")).isEqualTo("{\"n\": -0.0}");
    }

    @Test
    void otherNumbersAndStringsAreLeftAlone() {
        assertThat(JsonNegativeZero.keepSign("[-0.5, -0e1, -0.0, -01, 10]")).isEqualTo("[-0.5, -0e1, -0.0, -01, 10]");
        assertThat(JsonNegativeZero.keepSign("{\"-0\": \"a \\\" -0\"}")).isEqualTo("{\"-0\": \"a \\\" -0\"}");
        assertThat(JsonNegativeZero.keepSign(null)).isNull();
    }
}
