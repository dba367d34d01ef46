package dev.ferry.source.stream;

import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.snapshot.BinlogCoordinates;
import io.debezium.connector.mysql.MySqlConnectorTask;
import io.debezium.data.Envelope;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debezium's MySQL task, used through its {@code SourceTask} API to read the binlog and keep the
 * schema history. Ferry starts it at a binlog point of its choosing and converts what it emits.
 *
 * <p>Its binlog client reads DATE, DATETIME and TIMESTAMP cells with Ferry's deserializers
 * ({@link ExactTemporalDecoding}), installed when the client connects. Debezium creates the client's
 * streaming source and connects it on its own thread, so a {@link DeserializerWatch} registers the
 * installer as soon as the streaming source exists. {@link #poll()} hands on change events only when
 * the installer was registered before that client's first connection; otherwise (the watch lost the
 * race, or Debezium restarted its streaming after an error) it discards what it polled and restarts
 * Debezium's task, which resumes from its last committed offset.
 */
public final class DebeziumStream {
    private static final Logger LOG = LoggerFactory.getLogger(DebeziumStream.class);
    /** Restarts in a row after which Ferry gives up installing its deserializers. */
    private static final int MAX_RESTARTS = 5;

    private Task task;
    private DeserializerWatch watch;
    private Runnable restart;
    private int restartsInARow;

    /** Debezium's MySQL task, with the change event source coordinator reachable. */
    static final class Task extends MySqlConnectorTask {
        Object currentCoordinator() {
            return coordinator;
        }
    }

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
        restart = () -> startTask(config, userProps, context, seed);
        restart.run();
    }

    private void startTask(FerrySourceConfig config, Map<String, String> userProps, SourceTaskContext context, BinlogCoordinates seed) {
        boolean seeded = seed != null && !hasOffset(context, config.topicPrefix());
        SourceTaskContext taskContext = seeded
                ? new SeededTaskContext(context, partition(config.topicPrefix()), offsetOf(seed))
                : context;
        task = new Task();
        watch = new DeserializerWatch(task, new ExactTemporalDecoding(config.mapping()::isTableSelected));
        task.initialize(taskContext);
        task.start(DebeziumSettings.of(config, userProps, seeded));
        watch.start();
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
        List<SourceRecord> records = task.poll();
        // Read after the poll: if the installer was registered before the current client first connected,
        // every row in these records was read by Ferry's deserializers.
        DeserializerWatch.State state = watch.state();
        if (handOn(state, hasChangeEvents(records))) {
            if (state == DeserializerWatch.State.INSTALLED) {
                restartsInARow = 0;
            }
            return records;
        }
        restartsInARow++;
        if (restartsInARow > MAX_RESTARTS) {
            throw new ConnectException("Debezium's binlog client connected " + MAX_RESTARTS + " times in a row before Ferry "
                    + "could install its row deserializers, which read zero and invalid dates exactly. Restart the connector.");
        }
        LOG.warn("Debezium's binlog client connected before Ferry's row deserializers were installed ({}); restarting "
                + "Debezium's task from its last committed offset, discarding {} polled records (attempt {} of {})",
                state, records == null ? 0 : records.size(), restartsInARow, MAX_RESTARTS);
        stop();
        restart.run();
        return List.of();
    }

    /**
     * Whether polled records may be handed on: always once Ferry's deserializers read every row; before
     * that only when they hold no change event (schema changes, heartbeats); never after the client
     * connected before they were in place.
     */
    static boolean handOn(DeserializerWatch.State state, boolean changeEvents) {
        return switch (state) {
            case INSTALLED -> true;
            case WAITING -> !changeEvents;
            case LOST -> false;
        };
    }

    private static boolean hasChangeEvents(List<SourceRecord> records) {
        if (records == null) {
            return false;
        }
        for (SourceRecord record : records) {
            if (record.valueSchema() != null && Envelope.isEnvelopeSchema(record.valueSchema())) {
                return true;
            }
        }
        return false;
    }

    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        task.commitRecord(record, metadata);
    }

    public void commit() throws InterruptedException {
        task.commit();
    }

    public void stop() {
        if (watch != null) {
            watch.close();
        }
        task.stop();
    }
}
