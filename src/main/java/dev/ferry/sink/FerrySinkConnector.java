package dev.ferry.sink;

import dev.ferry.core.FerryVersion;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /** The ConfigDef's checks, then a live check of the connection and the state database. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        DestinationPrecheck.check(config, connectorConfigs);
        return config;
    }
}
