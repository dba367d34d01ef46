package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class LocalStackIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", "testkit-it"));
        Path emptyPluginPath = Files.createTempDirectory(workDir, "plugins-");
        stack = LocalStack.builder(workDir)
                .sourceVersion(MySqlVersion.V8_0)
                .destinationVersion(MySqlVersion.V5_7)
                .pluginPath(emptyPluginPath)
                .start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void mysql80WritesRowBinlogWithGtids() throws SQLException {
        MySqlServer mysql = stack.source();

        assertThat(mysql.queryString("SELECT VERSION()")).startsWith("8.0.15");
        assertThat(mysql.queryString("SELECT @@binlog_format")).isEqualTo("ROW");
        assertThat(mysql.queryString("SELECT @@gtid_mode")).isEqualTo("ON");
        assertThat(mysql.queryString("SELECT @@server_id")).isEqualTo(String.valueOf(mysql.serverId()));
    }

    @Test
    void mysql57WritesRowBinlogWithGtids() throws SQLException {
        MySqlServer mysql = stack.destination();

        assertThat(mysql.queryString("SELECT VERSION()")).startsWith("5.7.22");
        assertThat(mysql.queryString("SELECT @@binlog_format")).isEqualTo("ROW");
        assertThat(mysql.queryString("SELECT @@gtid_mode")).isEqualTo("ON");
        assertThat(mysql.queryString("SELECT @@log_bin")).isEqualTo("1");
    }

    @Test
    void serversAreDistinct() throws SQLException {
        MySqlServer source = stack.source();
        MySqlServer destination = stack.destination();

        assertThat(source.port()).isNotEqualTo(destination.port());
        assertThat(source.serverId()).isNotEqualTo(destination.serverId());
        assertThat(source.queryString("SELECT @@server_uuid"))
                .isNotEqualTo(destination.queryString("SELECT @@server_uuid"));
    }

    @Test
    void rootCanCreateAndUseADatabase() throws SQLException {
        MySqlServer mysql = stack.source();

        mysql.execute("CREATE DATABASE kit_check", "CREATE TABLE kit_check.t (id INT PRIMARY KEY)",
                "INSERT INTO kit_check.t VALUES (1), (2)");

        assertThat(mysql.queryString("SELECT COUNT(*) FROM kit_check.t")).isEqualTo("2");
        assertThat(mysql.queryString("SELECT @@gtid_executed")).isNotEmpty();
    }

    @Test
    void connectAnswersAgainAfterKillAndRestart() {
        ConnectRestClient rest = stack.rest();
        assertThat(rest.serverInfo().path("version").asText()).isEqualTo("4.3.1");

        stack.connect().kill();
        assertThat(stack.connect().isRunning()).isFalse();
        stack.connect().restart();

        assertThat(stack.connect().isRunning()).isTrue();
        assertThat(rest.serverInfo().path("kafka_cluster_id").asText()).isNotEmpty();
        assertThat(rest.connectors()).isEmpty();
    }

    @Test
    void restErrorsCarryStatusAndBody() {
        assertThatThrownBy(() -> stack.rest().status("no-such-connector"))
                .isInstanceOfSatisfying(ConnectRestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.body()).contains("no-such-connector");
                });
        assertThatThrownBy(() -> stack.rest().validate("com.example.NoSuchConnector", Map.of()))
                .isInstanceOf(ConnectRestException.class);
    }
}
