package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.SourceConnections;
import dev.ferry.source.SourceRecords;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Debezium's change events into Ferry batches: consecutive events of one table become one
 * batch (one Kafka record) carrying the offset of its last event, in the destination's shape (names,
 * selected columns, and only the changes the table's row filter lets through, see
 * {@link MappedTable#map}). Events of tables outside the
 * selection, heartbeats and other non-row records are dropped; their offsets follow with the next
 * batch, or, when only such events arrive, with a small progress record on the lifecycle topic at
 * most every few seconds, so the stored binlog position keeps up with an idle selection.
 */
public final class DebeziumRecordTranslator implements AutoCloseable {
    private static final String OLD_KEY_HEADER = "__debezium.oldkey";
    private static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(5);

    private final SourceRecords records;
    private final ObjectMapping mapping;
    private final StreamCatalog catalog;
    private final SnapshotCoverage coverage;
    private final long progressIntervalNanos;
    private long lastProgressNanos = System.nanoTime();

    private final Map<TableDef, MappedTable> mapped = new IdentityHashMap<>();

    public DebeziumRecordTranslator(SourceRecords records, ObjectMapping mapping, SourceConnections connections,
                                    SnapshotCoverage coverage) {
        this(records, mapping, connections, coverage, PROGRESS_INTERVAL);
    }

    DebeziumRecordTranslator(SourceRecords records, ObjectMapping mapping, SourceConnections connections,
                             SnapshotCoverage coverage, java.time.Duration progressInterval) {
        this.records = records;
        this.mapping = mapping;
        this.catalog = new StreamCatalog(connections);
        this.coverage = coverage;
        this.progressIntervalNanos = progressInterval.toNanos();
    }

    public List<SourceRecord> translate(List<SourceRecord> events) {
        List<SourceRecord> out = new ArrayList<>();
        MappedTable current = null;
        List<RowChange> rows = new ArrayList<>();
        SourceRecord last = null;
        for (SourceRecord event : events) {
            if (!(event.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
                continue;
            }
            Struct source = envelope.getStruct("source");
            TableId id = new TableId(source.getString("db"), source.getString("table"));
            if (!mapping.isTableSelected(id) || coverage.covers(id, gtidOf(source))) {
                continue;
            }
            Schema rowSchema = envelope.schema().field("before").schema();
            MappedTable table = mapped(catalog.definition(id, rowSchema));
            if (current != null && current != table) {
                flush(out, current, rows, last);
                rows = new ArrayList<>();
            }
            current = table;
            RowChange change = table.map(rowChange(table.source(), envelope, source, event));
            if (change != null) {
                rows.add(change);
            }
            last = event;
        }
        if (current != null) {
            flush(out, current, rows, last);
        }
        if (out.isEmpty() && !events.isEmpty() && System.nanoTime() - lastProgressNanos >= progressIntervalNanos) {
            SourceRecord newest = events.get(events.size() - 1);
            out.add(records.binlogProgress(newest.sourcePartition(), newest.sourceOffset()));
        }
        if (!out.isEmpty()) {
            lastProgressNanos = System.nanoTime();
        }
        return out;
    }

    /** One batch for a run of one table's changes; none when the filter let no change through. */
    private void flush(List<SourceRecord> out, MappedTable table, List<RowChange> rows, SourceRecord last) {
        if (!rows.isEmpty()) {
            out.add(records.batch(table.source().id(), ChangeBatch.changes(table.destination(), rows),
                    last.sourcePartition(), last.sourceOffset()));
        }
    }

    /** The mapping of a source definition; the same instance while the definition is, so runs group by identity. */
    private MappedTable mapped(TableDef definition) {
        MappedTable table = mapped.get(definition);
        if (table == null) {
            try {
                table = mapping.map(definition);
            }
            catch (MappingException e) {
                throw new ConnectException(e.getMessage() + " (setting " + e.configKey() + ")", e);
            }
            mapped.keySet().removeIf(def -> def.id().equals(definition.id()));
            mapped.put(definition, table);
        }
        return table;
    }

    private static String gtidOf(Struct source) {
        return source.schema().field("gtid") == null ? null : source.getString("gtid");
    }

    private static RowChange rowChange(TableDef def, Struct envelope, Struct source, SourceRecord event) {
        RowOp op = switch (envelope.getString("op")) {
            case "c", "r" -> RowOp.INSERT;
            case "u" -> RowOp.UPDATE;
            case "d" -> RowOp.DELETE;
            default -> throw new IllegalStateException("unknown Debezium operation " + envelope.getString("op"));
        };
        // A key-changing update arrives as a delete and then an insert from the same binlog row.
        int sub = op == RowOp.INSERT && event.headers().lastWithName(OLD_KEY_HEADER) != null ? 1 : 0;
        SourcePosition position = new SourcePosition(SourcePosition.fileSequence(source.getString("file")),
                source.getInt64("pos"), source.getInt32("row"), sub);
        return new RowChange(op, position, image(def, envelope.getStruct("before")), image(def, envelope.getStruct("after")));
    }

    private static Object[] image(TableDef def, Struct row) {
        if (row == null) {
            return null;
        }
        List<ColumnDef> columns = def.columns();
        Object[] image = new Object[columns.size()];
        for (int i = 0; i < image.length; i++) {
            ColumnDef column = columns.get(i);
            if (!column.generated()) {
                Schema schema = row.schema().field(column.name()).schema();
                image[i] = StreamValueConverter.convert(column, schema, row.get(column.name()));
            }
        }
        return image;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
