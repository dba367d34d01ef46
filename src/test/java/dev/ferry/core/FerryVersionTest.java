package dev.ferry.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FerryVersionTest {

    @Test
    void readsTheVersionMavenFilteredIn() {
        assertThat(FerryVersion.version()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
    }
}
