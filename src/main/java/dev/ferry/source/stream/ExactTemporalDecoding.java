package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.ferry.core.TableId;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts {@link ExactTemporalRowDeserializers} into a Debezium binlog client's event deserializer, for
 * uncompressed events and those inside compressed transactions ({@link CompressedTransactionDeserializer}), when
 * the client connects, on the client's own thread before it reads the first event, so every row of
 * that connection is read by them. Registered on the client by {@link DebeziumStream} (see its
 * guard for a client that connected before this listener was registered).
 *
 * <p>The client has no getter for its event deserializer (Debezium sets one with its own row
 * deserializers when it creates the streaming source), so it is read from the client's private
 * field; its data deserializers are then replaced through the event deserializer's public API. A
 * library version without that field fails the connection with a message saying so.
 */
final class ExactTemporalDecoding implements BinaryLogClient.LifecycleListener {
    /** As many table maps as the binlog library's own cache keeps. */
    private static final int TABLE_MAPS = 10_000;

    /** Table maps by table id, for the row deserializers; only the client's thread touches it. */
    private final Map<Long, TableMapEventData> tableMaps = new LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TableMapEventData> eldest) {
            return size() > TABLE_MAPS;
        }
    };

    /** The tables the migration selects: a compressed transaction that cannot be applied exactly stops it only for these. */
    private final Predicate<TableId> selected;

    ExactTemporalDecoding(Predicate<TableId> selected) {
        this.selected = selected;
    }

    @Override
    public void onConnect(BinaryLogClient client) {
        install(eventDeserializerOf(client));
    }

    void install(EventDeserializer deserializer) {
        if (deserializer.getEventDataDeserializer(EventType.WRITE_ROWS) instanceof ExactTemporalRowDeserializers.Writes) {
            return;
        }
        installRows(deserializer);
        deserializer.setEventDataDeserializer(EventType.TRANSACTION_PAYLOAD, new CompressedTransactionDeserializer(this::installRows, selected));
    }

    /** The table map reader and the row deserializers, also used for the events inside a compressed transaction. */
    private void installRows(EventDeserializer deserializer) {
        deserializer.setEventDataDeserializer(EventType.TABLE_MAP, new TableMapRecorder(tableMaps));
        deserializer.setEventDataDeserializer(EventType.WRITE_ROWS, new ExactTemporalRowDeserializers.Writes(tableMaps));
        deserializer.setEventDataDeserializer(EventType.UPDATE_ROWS, new ExactTemporalRowDeserializers.Updates(tableMaps));
        deserializer.setEventDataDeserializer(EventType.DELETE_ROWS, new ExactTemporalRowDeserializers.Deletes(tableMaps));
        deserializer.setEventDataDeserializer(EventType.EXT_WRITE_ROWS,
                new ExactTemporalRowDeserializers.Writes(tableMaps).setMayContainExtraInformation(true));
        deserializer.setEventDataDeserializer(EventType.EXT_UPDATE_ROWS,
                new ExactTemporalRowDeserializers.Updates(tableMaps).setMayContainExtraInformation(true));
        deserializer.setEventDataDeserializer(EventType.EXT_DELETE_ROWS,
                new ExactTemporalRowDeserializers.Deletes(tableMaps).setMayContainExtraInformation(true));
    }

    private static EventDeserializer eventDeserializerOf(BinaryLogClient client) {
        try {
            Field field = BinaryLogClient.class.getDeclaredField("eventDeserializer");
            field.setAccessible(true);
            return (EventDeserializer) field.get(client);
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Ferry cannot reach the binlog client's event deserializer to read zero and "
                    + "invalid dates exactly (mysql-binlog-connector-java changed?): " + e, e);
        }
    }

    @Override
    public void onCommunicationFailure(BinaryLogClient client, Exception ex) {
    }

    @Override
    public void onEventDeserializationFailure(BinaryLogClient client, Exception ex) {
    }

    @Override
    public void onDisconnect(BinaryLogClient client) {
    }

    /** Reads table maps as the library does and keeps them for the row deserializers. */
    private static final class TableMapRecorder implements EventDataDeserializer<TableMapEventData> {
        private final TableMapEventDataDeserializer delegate = new TableMapEventDataDeserializer();
        private final Map<Long, TableMapEventData> tableMaps;

        TableMapRecorder(Map<Long, TableMapEventData> tableMaps) {
            this.tableMaps = tableMaps;
        }

        @Override
        public TableMapEventData deserialize(ByteArrayInputStream in) throws IOException {
            TableMapEventData data = delegate.deserialize(in);
            tableMaps.put(data.getTableId(), data);
            return data;
        }
    }
}
