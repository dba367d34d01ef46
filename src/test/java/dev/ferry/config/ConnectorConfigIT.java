package dev.ferry.config;

import dev.ferry.testkit.ConfigValidation;
import dev.ferry.testkit.ConnectorConfigFile;
import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in connector-config/ through its connector's {@code validate()}, called the way users
 * call it (the Connect REST API), pointed at this machine's servers; and the live checks' messages
 * landing on the field they concern.
 */
@Tag("integration")
class ConnectorConfigIT {
    private static LocalStack stack;
    private static FerryPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "ConnectorConfigIT"));
        stack = LocalStack.builder(work).start();
        FerryPipeline.createUsers(stack);
        stack.source().execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))");
        pipeline = new FerryPipeline(stack, Path.of("connector-config"), "ferry", "shop");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyExampleFileValidates() throws Exception {
        for (Path path : ConnectorConfigFilesTest.files()) {
            ConnectorConfigFile file = ConnectorConfigFile.read(path);
            ConnectorConfigFile local = file.connectorClass().endsWith("FerrySourceConnector")
                    ? pipeline.source(Map.of()) : pipeline.sink(Map.of());
            Map<String, String> config = new java.util.HashMap<>(local.config());
            config.put("name", local.name());
            ConfigValidation result = stack.rest().validate(file.connectorClass(), config);
            assertThat(result.errors()).as("validation of %s", path).allSatisfy((key, messages) -> assertThat(messages).isEmpty());
        }
    }

    @Test
    void aWrongSourcePasswordIsReportedOnTheUserField() {
        ConnectorConfigFile source = pipeline.source(Map.of("database.password", "wrong"));
        ConfigValidation result = stack.rest().validate(source.connectorClass(), source.config());
        assertThat(result.errorsFor("database.user")).singleElement().asString()
                .contains("refused user 'ferry'").contains("database.password");
    }

    @Test
    void anUnreachableSourceIsReportedOnTheHostField() {
        ConnectorConfigFile source = pipeline.source(Map.of("database.port", "1"));
        ConfigValidation result = stack.rest().validate(source.connectorClass(), source.config());
        assertThat(result.errorsFor("database.hostname")).singleElement().asString().contains("Cannot connect to the source at");
    }

    @Test
    void incrementalWithoutHistoryServersIsReportedOnThatField() {
        ConnectorConfigFile source = pipeline.source(Map.of("schema.history.internal.kafka.bootstrap.servers", ""));
        ConfigValidation result = stack.rest().validate(source.connectorClass(), source.config());
        assertThat(result.errorsFor("schema.history.internal.kafka.bootstrap.servers")).singleElement().asString()
                .contains("incremental migration needs");
    }

    @Test
    void anUnreachableDestinationIsReportedOnTheUrlField() {
        ConnectorConfigFile sink = pipeline.sink(Map.of("connection.url", "jdbc:mysql://127.0.0.1:1/"));
        ConfigValidation result = stack.rest().validate(sink.connectorClass(), sink.config());
        assertThat(result.errorsFor("connection.url")).isNotEmpty();
    }
}
