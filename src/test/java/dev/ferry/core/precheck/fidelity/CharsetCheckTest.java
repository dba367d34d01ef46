package dev.ferry.core.precheck.fidelity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharsetCheckTest {

    @Test
    void theRoundTripConditionQuotesTheColumnAndNamesBothCharsets() {
        assertThat(CharsetCheck.roundTripDiffers("my`col", "utf8mb4", "utf8"))
                .isEqualTo("CAST(CONVERT(CONVERT(`my``col` USING utf8) USING utf8mb4) AS BINARY) <> CAST(`my``col` AS BINARY)");
    }

    @Test
    void aCharsetNameThatIsNotAWordIsRefused() {
        assertThatThrownBy(() -> CharsetCheck.roundTripDiffers("c", "utf8mb4) OR (1", "utf8"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8AndUtf8mb3AreTheSameCharset() {
        assertThat(CharsetCheck.same("utf8", "utf8mb3")).isTrue();
        assertThat(CharsetCheck.same("utf8mb4", "utf8mb3")).isFalse();
        assertThat(CharsetCheck.normalize("utf8_general_ci")).isEqualTo("utf8mb3_general_ci");
    }

    @Test
    void missingCollationsGetTheNearestOneFiveSevenHas() {
        assertThat(CollationCheck.replacement("utf8mb4_0900_ai_ci", "utf8mb4")).isEqualTo("utf8mb4_unicode_520_ci");
        assertThat(CollationCheck.replacement("utf8mb4_de_pb_0900_ai_ci", "utf8mb4")).isEqualTo("utf8mb4_unicode_520_ci");
        assertThat(CollationCheck.replacement("utf8mb4_0900_as_cs", "utf8mb4")).isEqualTo("utf8mb4_bin");
        assertThat(CollationCheck.replacement("utf8mb4_0900_bin", "utf8mb4")).isEqualTo("utf8mb4_bin");
    }

    @Test
    void invalidDatesAreFoundByLastDay() {
        assertThat(ZeroDateCheck.invalid("d")).isEqualTo("`d` IS NOT NULL AND (LAST_DAY(`d`) IS NULL OR DAYOFMONTH(`d`) > "
                + "DAYOFMONTH(LAST_DAY(`d`)))");
    }
}
