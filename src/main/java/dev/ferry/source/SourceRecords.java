package dev.ferry.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.TableId;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.ChangeBatchCodec;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns batches and lifecycle events into Kafka records. A table's records all carry the table's
 * name as key, so they share one partition and keep their order whatever the topic's partition count.
 */
public final class SourceRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FerrySourceConfig config;
    private final Map<String, ?> snapshotPartition;
    private final Map<TableId, String> topics = new ConcurrentHashMap<>();

    public SourceRecords(FerrySourceConfig config) {
        this.config = config;
        // One key only: Connect stores offsets under the partition map's JSON, and Map.of's iteration
        // order changes from one JVM to the next, which would orphan the offsets after a restart.
        this.snapshotPartition = Map.of("ferry.snapshot", config.topicPrefix());
    }

    /** The offset partition of Ferry's snapshot phase (Debezium's own is {"server": prefix}). */
    public Map<String, ?> snapshotPartition() {
        return snapshotPartition;
    }

    /**
     * A batch as a record on its source table's topic. The batch itself carries the destination's
     * names; topic and key stay those of the source table, so they do not change with the mapping.
     */
    public SourceRecord batch(TableId table, ChangeBatch batch, Map<String, ?> partition, Map<String, ?> offset) {
        byte[] key = table.toString().getBytes(StandardCharsets.UTF_8);
        return new SourceRecord(partition, offset, topic(table), null, Schema.BYTES_SCHEMA, key,
                Schema.BYTES_SCHEMA, ChangeBatchCodec.encode(batch));
    }

    public SourceRecord snapshotBatch(TableId table, ChangeBatch batch, Map<String, ?> offset) {
        return batch(table, batch, snapshotPartition, offset);
    }

    /** A lifecycle event on {@code <prefix>.ferry}, for operators and tools; the sink ignores it. */
    public SourceRecord lifecycle(String event, Map<String, Object> details, Map<String, ?> offset) {
        ObjectNode node = JSON.valueToTree(details);
        node.put("event", event);
        node.put("source", config.topicPrefix());
        node.put("at", java.time.Instant.now().toString());
        return new SourceRecord(snapshotPartition, offset, config.controlTopic(), null, Schema.BYTES_SCHEMA,
                event.getBytes(StandardCharsets.UTF_8), Schema.BYTES_SCHEMA, node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Carries a binlog offset when no selected table changed, so the stored position advances. */
    public SourceRecord binlogProgress(Map<String, ?> partition, Map<String, ?> offset) {
        byte[] value = JSON.createObjectNode().put("event", "binlog_progress").put("source", config.topicPrefix())
                .toString().getBytes(StandardCharsets.UTF_8);
        return new SourceRecord(partition, offset, config.controlTopic(), null, Schema.BYTES_SCHEMA,
                "binlog_progress".getBytes(StandardCharsets.UTF_8), Schema.BYTES_SCHEMA, value);
    }

    public String topic(TableId table) {
        return topics.computeIfAbsent(table, t -> config.topicPrefix() + "." + legal(t.database()) + "." + legal(t.table()));
    }

    /** Kafka topic names allow letters, digits, '.', '_' and '-'; other characters become '_'. */
    static String legal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}
