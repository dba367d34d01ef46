package dev.ferry.sink;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.precheck.CheckResult;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ferry's sink: applies the change batches Ferry's source writes to Kafka to a destination MySQL
 * server, exactly once, with the destination's own progress table as the record of what is applied.
 */
public final class FerrySinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return FerryVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        new FerrySinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FerrySinkTask.class;
    }

    /** Every task gets the same configuration; Kafka spreads the topic partitions over them. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return FerrySinkConfig.CONFIG_DEF;
    }

    /**
     * The ConfigDef's checks, then the destination precheck ({@link SinkPrecheck}): each blocking
     * result is reported on the key it concerns.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return config;
        }
        FerrySinkConfig parsed;
        try {
            parsed = new FerrySinkConfig(connectorConfigs);
        }
        catch (ConfigException e) {
            values.get(FerrySinkConfig.CONNECTION_URL_CONFIG).addErrorMessage(e.getMessage());
            return config;
        }
        for (CheckResult blocking : SinkPrecheck.run(parsed).blocking()) {
            values.get(SinkPrecheck.field(blocking)).addErrorMessage(blocking.message());
        }
        return config;
    }
}
