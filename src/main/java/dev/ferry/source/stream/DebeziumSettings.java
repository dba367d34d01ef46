package dev.ferry.source.stream;

import dev.ferry.source.FerrySourceConfig;
import io.debezium.relational.history.SchemaHistory;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration Ferry gives Debezium's MySQL task. Debezium reads the binlog and keeps the
 * schema history; Ferry copies the data itself, so Debezium never snapshots rows, and its value
 * representations are the ones Ferry can turn back into exact MySQL values.
 */
final class DebeziumSettings {

    /** The object kinds in the entry of Debezium's default DDL filter that drops view, routine and trigger statements. */
    static final String STORED_OBJECTS = "(VIEW|FUNCTION|PROCEDURE|TRIGGER)";

    /**
     * Debezium's default DDL filter with its entry for views, procedures, functions and triggers narrowed to
     * triggers: Ferry replays view and routine statements. Debezium applies the filter before it parses a
     * statement or reports it as a schema change event, so with its default these statements never reach Ferry.
     * Trigger statements stay filtered: Debezium's parser loses a {@code CREATE TRIGGER} whose body holds a
     * {@code SET} (no event at all), so replaying the others would leave some triggers out silently. Read from
     * Debezium's own default, so an upgrade keeps the other entries; one without that entry fails here.
     */
    static String ddlFilter() {
        String debeziums = SchemaHistory.DDL_FILTER.defaultValueAsString();
        int entry = debeziums.indexOf(STORED_OBJECTS);
        if (entry < 0 || debeziums.indexOf(STORED_OBJECTS, entry + 1) >= 0) {
            throw new IllegalStateException("Debezium's default DDL filter has not exactly one entry for " + STORED_OBJECTS
                    + " statements; Ferry cannot let view and routine statements through: " + debeziums);
        }
        return debeziums.replace(STORED_OBJECTS, "(TRIGGER)") + "," + RECORDED_VIEW;
    }

    /**
     * A view statement as Debezium records it in its schema history: without its first word ({@code [OR REPLACE]
     * ALGORITHM=.. DEFINER=.. SQL SECURITY .. VIEW v AS ...}, the text of its parser's rule), which its parser
     * cannot read back when it recovers the history after a restart. No statement read from the binlog starts
     * like this, so the entry only keeps recovery from parsing these (Debezium does not track views anyway).
     */
    static final String RECORDED_VIEW = "^\\s*(?:OR\\s+REPLACE\\s|ALGORITHM\\s*=|DEFINER\\s*=|SQL\\s+SECURITY\\s|VIEW\\s).*";

    private DebeziumSettings() {
    }

    /**
     * @param recoverSchema true when Ferry hands Debezium a starting offset of its own; Debezium then
     *        records the current schema as its history before it reads from that offset
     */
    static Map<String, String> of(FerrySourceConfig config, Map<String, String> userProps, boolean recoverSchema) {
        Map<String, String> props = new HashMap<>();
        userProps.forEach((key, value) -> {
            if (key.startsWith("schema.history.internal.") || key.startsWith("database.") || key.startsWith("driver.")
                    || key.startsWith("heartbeat.")) {
                props.put(key, value);
            }
        });
        props.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        props.put("topic.prefix", config.topicPrefix());
        props.put("database.hostname", config.hostname());
        props.put("database.port", Integer.toString(config.port()));
        props.put("database.user", config.user());
        props.put("database.password", config.password().value());
        props.put("database.server.id", Long.toString(config.serverId()));
        props.put("database.ssl.mode", config.sslMode());
        props.put("database.allowPublicKeyRetrieval", "true");
        // Ferry selects databases, tables and columns itself. Debezium only gets the include patterns, to skip
        // other databases early: a superset of Ferry's selection even if it matched them differently.
        props.remove("database.exclude.list");
        if (!config.selection().databasePatterns().isEmpty()) {
            props.put("database.include.list", String.join(",", config.selection().databasePatterns()));
        }
        else {
            props.remove("database.include.list");
        }
        props.put("snapshot.mode", recoverSchema ? "recovery" : "no_data");
        props.put("snapshot.locking.mode", "none");
        props.put("schema.history.internal.kafka.bootstrap.servers", config.historyBootstrapServers());
        props.put("schema.history.internal.kafka.topic", config.historyTopic());
        props.put("decimal.handling.mode", "string");
        props.put("bigint.unsigned.handling.mode", "precise");
        props.put("time.precision.mode", "adaptive_time_microseconds");
        props.put("binary.handling.mode", "bytes");
        // Debezium would otherwise turn the years 0-69 of DATE and DATETIME values into 2000-2069.
        props.put("enable.time.adjuster", "false");
        props.put("converters", "ferryraw,ferrytemporal");
        props.put("ferryraw.type", RawCharacterConverter.class.getName());
        // DATE, DATETIME and TIMESTAMP as MySQL literals, zero and invalid dates included (ExactTemporalDecoding).
        props.put("ferrytemporal.type", TemporalLiteralConverter.class.getName());
        // A value Debezium cannot read stops the task; "warn" and "skip" would drop the event or substitute a value.
        props.put("event.processing.failure.handling.mode", "fail");
        props.put("tombstones.on.delete", "false");
        // Ferry replays DDL on the destination (DebeziumRecordTranslator); Debezium's schema change events carry it.
        props.put("include.schema.changes", "true");
        // Ferry replays view, procedure and function statements (SchemaChangeRecords); Debezium's default
        // DDL filter drops them before they become schema change events. The filter is an internal Debezium field:
        // its key is "internal.schema.history.internal.ddl.filter" (setting "schema.history.internal.ddl.filter"
        // changes nothing), so the key is taken from the field itself.
        props.put(SchemaHistory.DDL_FILTER.name(), ddlFilter());
        // TRUNCATE TABLE reaches Ferry only as Debezium's truncate event, which it skips by default.
        props.put("skipped.operations", "none");
        props.put("max.batch.size", "4096");
        props.put("max.queue.size", "16384");
        props.put("poll.interval.ms", "50");
        // Heartbeats let the stored binlog position advance while the selected tables are idle.
        props.putIfAbsent("heartbeat.interval.ms", "10000");
        return props;
    }
}
