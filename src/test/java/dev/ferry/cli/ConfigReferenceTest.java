package dev.ferry.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigReferenceTest {

    @Test
    void readmeHoldsTheReferenceGeneratedFromTheConfigDefs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String generated = ConfigReference.markdown(ConfigDocsCommand.connectors());
        assertThat(ConfigReference.extractFrom(readme))
                .as("README.md's configuration reference is stale: run bin/ferry config-docs --write README.md")
                .isEqualTo(generated);
    }

    @Test
    void everyKeyOfBothConnectorsIsListed() {
        String generated = ConfigReference.markdown(ConfigDocsCommand.connectors());
        ConfigDocsCommand.connectors().values().forEach(def ->
                def.names().forEach(key -> assertThat(generated).contains("| `" + key + "` |")));
        assertThat(generated).contains("| `database.hostname` | string | required |");
    }

    @Test
    void replacingKeepsTheTextAroundTheMarkers() {
        String readme = "intro\n" + ConfigReference.BEGIN + "\nold\n" + ConfigReference.END + "\noutro\n";
        String updated = ConfigReference.replaceIn(readme, "new\n");
        assertThat(updated).isEqualTo("intro\n" + ConfigReference.BEGIN + "\nnew\n" + ConfigReference.END + "\noutro\n");
        assertThat(ConfigReference.extractFrom(updated)).isEqualTo("new\n");
    }
}
