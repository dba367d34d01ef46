package dev.ferry.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/ferry precheck}'s answers to unusable input (exit status 2), without any server. */
class PrecheckCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PrecheckCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noFileIsUnusable() {
        assertThat(run()).isEqualTo(PrecheckCommand.UNUSABLE);
        assertThat(errors()).contains("Usage: bin/ferry precheck");
    }

    @Test
    void anUnknownOptionIsUnusable() {
        assertThat(run("--yaml", "connector-config/mysql-source.json")).isEqualTo(2);
        assertThat(errors()).contains("Unknown option --yaml");
    }

    @Test
    void aMissingFileIsUnusable(@TempDir Path dir) {
        assertThat(run(dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(errors()).contains("nope.json");
    }

    @Test
    void aFileOfAnotherConnectorIsUnusable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jdbc.json");
        Files.writeString(file, "{\"name\": \"x\", \"config\": {\"connector.class\": \"io.debezium.connector.jdbc.JdbcSinkConnector\"}}");
        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(errors()).contains("connector.class is 'io.debezium.connector.jdbc.JdbcSinkConnector'");
    }

    @Test
    void anInvalidConfigurationIsUnusable() {
        assertThat(run("connector-config/mysql-source.json", "--set", "database.port=0")).isEqualTo(2);
        assertThat(errors()).contains("mysql-source.json", "database.port");
    }
}
