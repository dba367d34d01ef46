package dev.ferry.source.stream;

import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.snapshot.BinlogCoordinates;
import io.debezium.connector.mysql.MySqlConnectorTask;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debezium's MySQL task, used through its {@code SourceTask} API to read the binlog and keep the
 * schema history. Ferry starts it at a binlog point of its choosing and converts what it emits.
 */
public final class DebeziumStream {
    private final MySqlConnectorTask task = new MySqlConnectorTask();

    /** Debezium's offset partition for a source. */
    public static Map<String, String> partition(String topicPrefix) {
        return Map.of("server", topicPrefix);
    }

    /** Whether Debezium has stored a binlog offset for this source. */
    public static boolean hasOffset(SourceTaskContext context, String topicPrefix) {
        return context.offsetStorageReader().offset(partition(topicPrefix)) != null;
    }

    /**
     * Starts reading. With {@code seed}, and no offset of Debezium's own stored, Debezium records the
     * current schema and reads from {@code seed}; without it, Debezium resumes from its stored offset.
     */
    public void start(FerrySourceConfig config, Map<String, String> userProps, SourceTaskContext context, BinlogCoordinates seed) {
        boolean seeded = seed != null && !hasOffset(context, config.topicPrefix());
        SourceTaskContext taskContext = seeded
                ? new SeededTaskContext(context, partition(config.topicPrefix()), offsetOf(seed))
                : context;
        task.initialize(taskContext);
        task.start(DebeziumSettings.of(config, userProps, seeded));
    }

    private static Map<String, Object> offsetOf(BinlogCoordinates seed) {
        Map<String, Object> offset = new HashMap<>();
        offset.put("file", seed.file());
        offset.put("pos", seed.position());
        if (!seed.gtidSet().isEmpty()) {
            offset.put("gtids", seed.gtidSet());
        }
        return offset;
    }

    public List<SourceRecord> poll() throws InterruptedException {
        return task.poll();
    }

    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        task.commitRecord(record, metadata);
    }

    public void commit() throws InterruptedException {
        task.commit();
    }

    public void stop() {
        task.stop();
    }
}
