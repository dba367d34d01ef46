package dev.ferry.sink;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FerrySinkConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-sink");
        props.put("connection.url", "jdbc:mysql://127.0.0.1:3306/");
        props.put("connection.username", "ferry");
        return props;
    }

    @Test
    void defaults() {
        FerrySinkConfig config = new FerrySinkConfig(minimal());
        assertThat(config.connectorName()).isEqualTo("orders-sink");
        assertThat(config.connectionUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/");
        assertThat(config.username()).isEqualTo("ferry");
        assertThat(config.password()).isNull();
        assertThat(config.batchSize()).isEqualTo(1000);
        assertThat(config.transactionMaxRows()).isEqualTo(50_000);
        assertThat(config.tableAutoCreate()).isTrue();
        assertThat(config.stateDatabase()).isEqualTo("ferry");
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.toleratesBadRecords()).isFalse();
    }

    @Test
    void parsesEveryKey() {
        Map<String, String> props = minimal();
        props.put("connection.password", "s3cret");
        props.put("batch.size", "10");
        props.put("transaction.max.rows", "20");
        props.put("table.auto.create", "false");
        props.put("state.database", "ferry_state");
        props.put("max.retries", "0");
        props.put("retry.backoff.ms", "250");
        props.put("errors.tolerance", "all");
        FerrySinkConfig config = new FerrySinkConfig(props);
        assertThat(config.password().value()).isEqualTo("s3cret");
        assertThat(config.password().toString()).doesNotContain("s3cret");
        assertThat(config.batchSize()).isEqualTo(10);
        assertThat(config.transactionMaxRows()).isEqualTo(20);
        assertThat(config.tableAutoCreate()).isFalse();
        assertThat(config.stateDatabase()).isEqualTo("ferry_state");
        assertThat(config.maxRetries()).isZero();
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.toleratesBadRecords()).isTrue();
        assertThat(config.ddlErrorPolicy()).isEqualTo(dev.ferry.sink.write.DdlErrorPolicy.FAIL);
        assertThat(config.ddlDependencyWait()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyKeyIsDocumentedGroupedAndOrdered() {
        for (ConfigDef.ConfigKey key : FerrySinkConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isIn("Connection", "Writes", "Errors", "Precheck");
            assertThat(key.orderInGroup).as(key.name).isPositive();
        }
        assertThat(FerrySinkConfig.CONFIG_DEF.groups()).containsExactly("Connection", "Writes", "Errors", "Precheck");
        assertThat(FerrySinkConfig.CONFIG_DEF.names()).containsExactlyInAnyOrder("connection.url", "connection.username",
                "connection.password", "batch.size", "transaction.max.rows", "transaction.max.bytes", "table.auto.create", "load.data",
                "load.data.min.rows", "state.database",
                "max.retries", "retry.backoff.ms", "ddl.error.policy", "ddl.dependency.wait.ms", "precheck.acknowledged.warnings");
    }

    @Test
    void validatorsRejectBadValuesOnTheirField() {
        Map<String, String> props = minimal();
        props.put("connection.url", "");
        props.put("batch.size", "0");
        props.put("transaction.max.rows", "-1");
        props.put("state.database", "x".repeat(65));
        props.put("max.retries", "-2");
        Map<String, ConfigValue> values = FerrySinkConfig.CONFIG_DEF.validateAll(props);
        for (String key : List.of("connection.url", "batch.size", "transaction.max.rows", "state.database", "max.retries")) {
            assertThat(values.get(key).errorMessages()).as(key).isNotEmpty();
        }
        assertThat(values.get("connection.username").errorMessages()).isEmpty();
    }

    @Test
    void requiresAUrlAUserAndAName() {
        Map<String, String> noUrl = minimal();
        noUrl.remove("connection.url");
        assertThatThrownBy(() -> new FerrySinkConfig(noUrl)).isInstanceOf(ConfigException.class).hasMessageContaining("connection.url");
        Map<String, String> noName = minimal();
        noName.remove("name");
        assertThatThrownBy(() -> new FerrySinkConfig(noName)).isInstanceOf(ConfigException.class).hasMessageContaining("name");
    }
}
