package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void replacesKnownKeys() {
        String url = Placeholders.resolve("jdbc:mysql://${HOST}:${PORT}/db", Map.of("HOST", "127.0.0.1", "PORT", "3306"));

        assertThat(url).isEqualTo("jdbc:mysql://127.0.0.1:3306/db");
    }

    @Test
    void leavesConfigProviderReferencesAlone() {
        assertThat(Placeholders.resolve("${env:PASSWORD} ${file:/s.properties:pw}", Map.of()))
                .isEqualTo("${env:PASSWORD} ${file:/s.properties:pw}");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(Placeholders.resolve("${X}", Map.of("X", "a$1\\b"))).isEqualTo("a$1\\b");
    }

    @Test
    void refusesUnknownKeys() {
        assertThatThrownBy(() -> Placeholders.resolve("${MISSING}", Map.of("PORT", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${MISSING}")
                .hasMessageContaining("PORT");
    }
}
