package dev.ferry.source.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.TableId;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the snapshot phase has durably done, stored as the Connect source offset of Ferry's snapshot
 * partition: the tables whose snapshot completed, each with its binlog point, and whether the phase
 * is over and from where the binlog must then be read, and the settings that shape what the
 * destination holds (selection, name mapping, row filters) when the migration started. Immutable;
 * each step returns a new state.
 */
public final class SnapshotState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFSET_KEY = "state";

    private final Map<TableId, BinlogCoordinates> completed;
    private final boolean done;
    private final BinlogCoordinates streamFrom;
    private final String mapping;

    private SnapshotState(Map<TableId, BinlogCoordinates> completed, boolean done, BinlogCoordinates streamFrom, String mapping) {
        // A point may be null: a full migration by a user who cannot read the binlog position has none.
        this.completed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completed));
        this.done = done;
        this.streamFrom = streamFrom;
        this.mapping = mapping;
    }

    public static SnapshotState empty() {
        return new SnapshotState(Map.of(), false, null, null);
    }

    /** The migration-shaping settings recorded when the migration started; null in offsets written before they were. */
    public String mapping() {
        return mapping;
    }

    /** This state recording the migration-shaping settings. */
    public SnapshotState withMapping(String settings) {
        return new SnapshotState(completed, done, streamFrom, settings);
    }

    public boolean isCompleted(TableId table) {
        return completed.containsKey(table);
    }

    public int completedTables() {
        return completed.size();
    }

    /** The GTID set each completed table's snapshot holds (empty when the source has no GTIDs). */
    public Map<TableId, String> snapshotGtids() {
        Map<TableId, String> gtids = new LinkedHashMap<>();
        completed.forEach((table, point) -> gtids.put(table, point == null ? "" : point.gtidSet()));
        return gtids;
    }

    public boolean done() {
        return done;
    }

    /** Where binlog reading starts once the snapshot is done; null when there is no binlog. */
    public BinlogCoordinates streamFrom() {
        return streamFrom;
    }

    public SnapshotState withCompleted(TableId table, BinlogCoordinates point) {
        Map<TableId, BinlogCoordinates> next = new LinkedHashMap<>(completed);
        next.put(table, point);
        return new SnapshotState(next, false, null, mapping);
    }

    /**
     * Ends the phase. Tables snapshotted in earlier attempts have earlier points, so reading starts
     * at the earliest point; the sink skips changes each table's snapshot already holds.
     */
    public SnapshotState finished(BinlogCoordinates currentAttemptPoint) {
        Optional<BinlogCoordinates> earliest = completed.values().stream()
                .filter(java.util.Objects::nonNull)
                .min(Comparator.comparing(BinlogCoordinates::snapshotPoint));
        return new SnapshotState(completed, true, earliest.orElse(currentAttemptPoint), mapping);
    }

    public Map<String, Object> toOffset() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode tables = root.putObject("completed");
        completed.forEach((table, point) -> tables.set(table.toString(), toJson(point)));
        root.put("done", done);
        root.set("stream_from", toJson(streamFrom));
        if (mapping != null) {
            root.put("mapping", mapping);
        }
        return Map.of(OFFSET_KEY, root.toString());
    }

    public static SnapshotState fromOffset(Map<String, ?> offset) {
        if (offset == null || !(offset.get(OFFSET_KEY) instanceof String text)) {
            return empty();
        }
        try {
            JsonNode root = JSON.readTree(text);
            Map<TableId, BinlogCoordinates> completed = new LinkedHashMap<>();
            root.path("completed").fields().forEachRemaining(e -> completed.put(TableId.parse(e.getKey()), fromJson(e.getValue())));
            JsonNode mapping = root.path("mapping");
            return new SnapshotState(completed, root.path("done").asBoolean(), fromJson(root.path("stream_from")),
                    mapping.isTextual() ? mapping.asText() : null);
        }
        catch (JsonProcessingException e) {
            throw new ConnectException("Ferry's stored snapshot offset is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode toJson(BinlogCoordinates c) {
        if (c == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("file", c.file());
        node.put("pos", c.position());
        node.put("gtids", c.gtidSet());
        return node;
    }

    private static BinlogCoordinates fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return new BinlogCoordinates(node.path("file").asText(), node.path("pos").asLong(), node.path("gtids").asText(""));
    }
}
