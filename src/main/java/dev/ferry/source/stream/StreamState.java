package dev.ferry.source.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.TableId;
import dev.ferry.core.ddl.OnlineSchemaChange;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the binlog stream has learnt beyond Debezium's position, and must keep across a restart: which
 * topic a renamed table's records travel on (the topic of the name it had, so the sink sees its rows
 * after the rename, in order), and the ALTER statements an online schema change keeps until its
 * cut-over. It travels in every stream record's source offset under {@link #OFFSET_KEY}, next to
 * Debezium's own keys (which Debezium's offset loader leaves alone), so the offset Connect stores always
 * carries the state as of that record's binlog position.
 */
final class StreamState {
    static final String OFFSET_KEY = "ferry.stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A renamed table's current source name, and the name whose topic and key its records keep. */
    private final Map<TableId, TableId> topics = new LinkedHashMap<>();
    private final OnlineSchemaChange onlineSchemaChanges;
    private String encoded;

    StreamState(OnlineSchemaChange onlineSchemaChanges) {
        this.onlineSchemaChanges = onlineSchemaChanges;
    }

    /** The table whose topic and key the records of {@code table} use. */
    TableId topicOf(TableId table) {
        return topics.getOrDefault(table, table);
    }

    /** {@code from} is now called {@code to}; its records stay on the topic they used. */
    void renamed(TableId from, TableId to) {
        TableId topic = topicOf(from);
        topics.remove(from);
        if (topic.equals(to)) {
            topics.remove(to);
        }
        else {
            topics.put(to, topic);
        }
        encoded = null;
    }

    /** The table left the selection or was dropped: a table created later under its name has its own topic. */
    void forget(TableId table) {
        if (topics.remove(table) != null) {
            encoded = null;
        }
    }

    /** The online schema change tracker changed its kept statements. */
    void changed() {
        encoded = null;
    }

    /**
     * {@code offset} with this state added. An empty state adds nothing: Connect stores each offset whole, so
     * the key's absence says the state is empty.
     */
    Map<String, ?> stamp(Map<String, ?> offset) {
        if (offset == null || topics.isEmpty() && onlineSchemaChanges.pending().isEmpty()) {
            return offset;
        }
        Map<String, Object> out = new HashMap<>(offset);
        out.put(OFFSET_KEY, encode());
        return out;
    }

    String encode() {
        if (encoded == null) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode renames = root.putArray("topics");
            topics.forEach((table, topic) -> renames.addArray().add(table.database()).add(table.table())
                    .add(topic.database()).add(topic.table()));
            ArrayNode pending = root.putArray("pending");
            onlineSchemaChanges.pending().forEach((table, statements) -> {
                ArrayNode entry = pending.addArray().add(table.database()).add(table.table());
                statements.forEach(entry::add);
            });
            encoded = root.toString();
        }
        return encoded;
    }

    /** Takes back the state stored in Debezium's offset, if any. */
    void restore(Map<String, ?> offset) {
        Object stored = offset == null ? null : offset.get(OFFSET_KEY);
        if (!(stored instanceof String text)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(text);
            topics.clear();
            for (JsonNode rename : root.path("topics")) {
                topics.put(new TableId(rename.get(0).asText(), rename.get(1).asText()),
                        new TableId(rename.get(2).asText(), rename.get(3).asText()));
            }
            Map<TableId, List<String>> pending = new HashMap<>();
            for (JsonNode entry : root.path("pending")) {
                List<String> statements = new ArrayList<>();
                for (int i = 2; i < entry.size(); i++) {
                    statements.add(entry.get(i).asText());
                }
                pending.put(new TableId(entry.get(0).asText(), entry.get(1).asText()), statements);
            }
            onlineSchemaChanges.restore(pending);
            encoded = null;
        }
        catch (JsonProcessingException e) {
            throw new ConnectException("The stored source offset's " + OFFSET_KEY + " is not valid JSON (" + e.getOriginalMessage()
                    + "); it was written by Ferry, so the offsets topic was changed by hand: restore it or restart the migration.", e);
        }
    }
}
