package dev.ferry.config;

import dev.ferry.core.FerryVersion;
import dev.ferry.testkit.ConnectorConfigFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/ cannot run here (no Docker engine), so this keeps it consistent with what does run: the
 * plugin directory it mounts is the one Maven builds, and the addresses in connector-config/ are
 * services of the compose file.
 */
class DockerComposeConsistencyTest {

    @Test
    void composeMountsThisBuildsPluginAndTheSharedConnectorConfigs() throws IOException {
        String compose = Files.readString(Path.of("docker", "docker-compose.yml"));
        assertThat(compose).contains("../target/ferry-ferry-" + FerryVersion.version() + ":/opt/ferry-plugins");
        assertThat(compose).contains("../connector-config:/connector-config");
        assertThat(Files.readString(Path.of("docker", "connect-worker.properties"))).contains("plugin.path=/opt/ferry-plugins");
    }

    @Test
    void connectorConfigAddressesAreComposeServices() throws IOException {
        String compose = Files.readString(Path.of("docker", "docker-compose.yml"));
        Map<String, String> source = ConnectorConfigFile.read(Path.of("connector-config", "mysql-source.json")).config();
        Map<String, String> sink = ConnectorConfigFile.read(Path.of("connector-config", "mysql-sink.json")).config();
        assertThat(compose).contains("  " + source.get("database.hostname") + ":");
        assertThat(sink.get("connection.url")).startsWith("jdbc:mysql://mysql-destination:3306/");
        assertThat(compose).contains("  mysql-destination:");
        assertThat(source.get("schema.history.internal.kafka.bootstrap.servers")).isEqualTo("kafka:9092");
        String sourceInit = Files.readString(Path.of("docker", "mysql-source-init.sql"));
        assertThat(sourceInit).contains("'" + source.get("database.user") + "'@'%' IDENTIFIED BY '" + source.get("database.password") + "'");
        assertThat(sourceInit).contains("CREATE DATABASE " + source.get("database.include.list"));
    }
}
