package dev.ferry.sink;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class FerrySinkConnectorTest {
    private final FerrySinkConnector connector = new FerrySinkConnector();

    private static ConfigValue field(Config config, String name) {
        return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void describesItself() {
        assertThat(connector.version()).isNotBlank();
        assertThat(connector.taskClass()).isEqualTo(FerrySinkTask.class);
        assertThat(connector.config()).isSameAs(FerrySinkConfig.CONFIG_DEF);
    }

    @Test
    void isFoundByServiceLoading() {
        assertThat(ServiceLoader.load(SinkConnector.class)).anySatisfy(found -> assertThat(found).isInstanceOf(FerrySinkConnector.class));
    }

    @Test
    void everyTaskGetsTheConnectorsConfiguration() {
        Map<String, String> props = FerrySinkConfigTest.minimal();
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(props));
    }

    @Test
    void validationStopsAtFieldErrorsBeforeConnecting() {
        Map<String, String> props = FerrySinkConfigTest.minimal();
        props.put("batch.size", "0");
        Config config = connector.validate(props);
        assertThat(field(config, "batch.size").errorMessages()).isNotEmpty();
        assertThat(field(config, "connection.url").errorMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedOnTheUrlWithHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> props = FerrySinkConfigTest.minimal();
        props.put("connection.url", "jdbc:mysql://127.0.0.1:" + closedPort + "/");
        Config config = connector.validate(props);
        assertThat(field(config, "connection.url").errorMessages()).singleElement().asString()
                .contains("127.0.0.1:" + closedPort, "Cannot connect to the destination", "Fix: Check the host and port");
        assertThat(field(config, "connection.username").errorMessages()).isEmpty();
    }

    @Test
    void aNonMySqlUrlIsReportedOnTheUrl() {
        Map<String, String> props = FerrySinkConfigTest.minimal();
        props.put("connection.url", "jdbc:postgresql://127.0.0.1/");
        assertThat(field(connector.validate(props), "connection.url").errorMessages()).singleElement().asString()
                .contains("not a MySQL JDBC URL");
    }
}
