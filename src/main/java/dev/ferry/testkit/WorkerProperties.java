package dev.ferry.testkit;

import java.util.Map;

/** The test kit's settings of a Connect worker, apart from addresses and paths. */
final class WorkerProperties {

    private WorkerProperties() {
    }

    static Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry("plugin.discovery", "service_load"),
                Map.entry("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                Map.entry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                Map.entry("connector.client.config.override.policy", "All"),
                Map.entry("offset.flush.interval.ms", "1000"),
                // A killed worker's group membership ends after the session timeout: keep it short,
                // and hand its work to the others soon instead of waiting 5 minutes for it to return.
                Map.entry("session.timeout.ms", "6000"),
                Map.entry("heartbeat.interval.ms", "2000"),
                Map.entry("scheduled.rebalance.max.delay.ms", "5000"));
    }

    static Map<String, String> groupAndTopics(String workerId) {
        String prefix = "ferry-connect-" + workerId;
        return Map.of(
                "group.id", prefix,
                "config.storage.topic", prefix + "-configs",
                "offset.storage.topic", prefix + "-offsets",
                "status.storage.topic", prefix + "-status",
                "config.storage.replication.factor", "1",
                "offset.storage.replication.factor", "1",
                "status.storage.replication.factor", "1",
                "offset.storage.partitions", "5");
    }
}
