package dev.ferry.source.stream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.ferry.core.TableId;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a compressed transaction (MySQL 8.0.20+ with {@code binlog_transaction_compression=ON}: one
 * {@code TRANSACTION_PAYLOAD} event holding the transaction's table map and row events) with the same
 * row deserializers as uncompressed events. The binlog library and Debezium each read the events
 * inside with deserializers of their own, which turn zero and invalid dates into NULL.
 *
 * <p>The event's data is MySQL's {@code Transaction_payload_event} body: fields of packed integers
 * (type, length, value; 1 the payload's size, 2 its compression, 3 its uncompressed size) up to a 0,
 * then the payload, ZSTD-compressed (compression 0) or not (255).
 *
 * <p>The events inside share the outer event's binlog position, and each row event numbers its rows
 * from 0, so two row events of one table in one compressed transaction would give rows the same
 * position, and the sink, which applies each position once, would skip some. Such a transaction on a
 * selected table stops the source with a message naming the table and the fix, rather than lose rows.
 */
final class CompressedTransactionDeserializer implements EventDataDeserializer<TransactionPayloadEventData> {
    private static final int END = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    private static final int ZSTD = 0;
    private static final int NONE = 255;

    /** Puts the row deserializers (and the table map reader they rely on) into a deserializer. */
    private final Consumer<EventDeserializer> rowDeserializers;
    private final Predicate<TableId> selected;

    CompressedTransactionDeserializer(Consumer<EventDeserializer> rowDeserializers, Predicate<TableId> selected) {
        this.rowDeserializers = rowDeserializers;
        this.selected = selected;
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream in) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        long payloadSize = -1;
        while (in.available() > 0) {
            int field = in.readPackedInteger();
            if (field == END) {
                break;
            }
            int length = in.readPackedInteger();
            switch (field) {
                case PAYLOAD_SIZE -> payloadSize = in.readPackedLong();
                case COMPRESSION -> data.setCompressionType(in.readPackedInteger());
                case UNCOMPRESSED_SIZE -> data.setUncompressedSize(in.readPackedLong());
                default -> in.read(length);
            }
        }
        if (payloadSize < 0 || payloadSize > Integer.MAX_VALUE) {
            throw new IOException("A compressed transaction in the binlog has a payload size of " + payloadSize
                    + ", which Ferry cannot read");
        }
        data.setPayloadSize((int) payloadSize);
        data.setPayload(in.read((int) payloadSize));
        if (data.getUncompressedSize() == 0) {
            data.setUncompressedSize(payloadSize);
        }
        data.setUncompressedEvents(events(data));
        return data;
    }

    private ArrayList<Event> events(TransactionPayloadEventData data) throws IOException {
        EventDeserializer inner = new EventDeserializer();
        rowDeserializers.accept(inner);
        ArrayList<Event> events = new ArrayList<>();
        Map<Long, TableId> tables = new HashMap<>();
        Map<Long, Integer> rowEvents = new HashMap<>();
        try (InputStream payload = open(data)) {
            ByteArrayInputStream in = new ByteArrayInputStream(payload);
            for (Event event = inner.nextEvent(in); event != null; event = inner.nextEvent(in)) {
                events.add(event);
                if (event.getData() instanceof TableMapEventData map) {
                    tables.put(map.getTableId(), new TableId(map.getDatabase(), map.getTable()));
                }
                else if (EventType.isRowMutation(event.getHeader().getEventType())) {
                    requireOneRowEventPerTable(tables, rowEvents, event);
                }
            }
        }
        return events;
    }

    private void requireOneRowEventPerTable(Map<Long, TableId> tables, Map<Long, Integer> rowEvents, Event event) throws IOException {
        long tableId = tableIdOf(event);
        TableId table = tables.get(tableId);
        if (rowEvents.merge(tableId, 1, Integer::sum) > 1 && table != null && selected.test(table)) {
            throw new IOException("A compressed transaction in the binlog (binlog_transaction_compression=ON in the session "
                    + "that wrote it) changes " + table + " in more than one row event. Its rows share one binlog position, so "
                    + "Ferry cannot apply each of them exactly once and stops rather than skip any. Turn "
                    + "binlog_transaction_compression off for every session writing to the migrated tables (SET PERSIST "
                    + "binlog_transaction_compression = OFF, and reconnect the applications), then start a new migration.");
        }
    }

    private static long tableIdOf(Event event) {
        Object data = event.getData();
        if (data instanceof WriteRowsEventData w) {
            return w.getTableId();
        }
        if (data instanceof UpdateRowsEventData u) {
            return u.getTableId();
        }
        if (data instanceof DeleteRowsEventData d) {
            return d.getTableId();
        }
        return -1;
    }

    private static InputStream open(TransactionPayloadEventData data) throws IOException {
        InputStream raw = new java.io.ByteArrayInputStream(data.getPayload());
        return switch (data.getCompressionType()) {
            case ZSTD -> new ZstdInputStream(raw);
            case NONE -> raw;
            default -> throw new IOException("A transaction in the binlog is compressed with algorithm "
                    + data.getCompressionType() + ", which Ferry does not know (MySQL writes 0, ZSTD)");
        };
    }
}
