package dev.ferry.config;

import dev.ferry.sink.FerrySinkConfig;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.testkit.ConnectorConfigFile;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in connector-config/ parses against its connector's ConfigDef, offline; a key that is
 * neither Ferry's, Connect's nor passed through to Debezium is a typo and fails the test. The
 * same files are validated live through the Connect REST API in {@code ConnectorConfigIT}.
 */
class ConnectorConfigFilesTest {
    private static final Set<String> CONNECT_KEYS = Set.of("name", "connector.class", "tasks.max", "topics", "topics.regex",
            "key.converter", "value.converter", "header.converter", "config.action.reload");
    private static final List<String> CONNECT_PREFIXES = List.of("producer.override.", "consumer.override.", "errors.",
            "transforms", "predicates", "topic.creation.", "admin.override.");
    private static final List<String> DEBEZIUM_PREFIXES = List.of("schema.history.internal.", "database.", "driver.", "heartbeat.");

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("connector-config"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyFileIsValidAgainstItsConfigDef() throws IOException {
        List<Path> files = files();
        assertThat(files).isNotEmpty();
        for (Path path : files) {
            ConnectorConfigFile file = ConnectorConfigFile.read(path);
            ConfigDef def = definitionOf(file.connectorClass(), path);
            for (ConfigValue value : def.validate(file.config())) {
                assertThat(value.errorMessages()).as("%s: %s", path, value.name()).isEmpty();
            }
            for (String key : file.config().keySet()) {
                assertThat(isKnown(def, key, file.connectorClass())).as("%s: unknown key '%s'", path, key).isTrue();
            }
        }
    }

    @Test
    void sourceAndSinkExamplesAgreeOnTopics() throws IOException {
        Map<String, String> source = ConnectorConfigFile.read(Path.of("connector-config", "mysql-source.json")).config();
        Map<String, String> sink = ConnectorConfigFile.read(Path.of("connector-config", "mysql-sink.json")).config();
        String table = source.get("topic.prefix") + "." + source.get("database.include.list") + ".orders";
        assertThat(table).matches(sink.get("topics.regex"));
        assertThat(source.get("topic.prefix") + ".ferry").doesNotMatch(sink.get("topics.regex"));
    }

    static ConfigDef definitionOf(String connectorClass, Path path) {
        return switch (connectorClass) {
            case "dev.ferry.source.FerrySourceConnector" -> FerrySourceConfig.CONFIG_DEF;
            case "dev.ferry.sink.FerrySinkConnector" -> FerrySinkConfig.CONFIG_DEF;
            default -> throw new AssertionError(path + " names an unknown connector.class " + connectorClass);
        };
    }

    private static boolean isKnown(ConfigDef def, String key, String connectorClass) {
        boolean debezium = connectorClass.endsWith("FerrySourceConnector") && DEBEZIUM_PREFIXES.stream().anyMatch(key::startsWith);
        return def.names().contains(key) || CONNECT_KEYS.contains(key) || CONNECT_PREFIXES.stream().anyMatch(key::startsWith) || debezium;
    }
}
