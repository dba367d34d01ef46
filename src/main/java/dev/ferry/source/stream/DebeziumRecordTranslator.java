package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.cascade.ChainStep;
import dev.ferry.core.cascade.CascadePlanner;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.event.CascadeRule;
import dev.ferry.core.event.CascadeStep;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.ValueKind;
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
 * batch (one Kafka record) of about {@link #BATCH_BYTES} at most (a single larger row travels alone),
 * carrying the offset of its last event, in the destination's shape (names, selected columns, and only
 * the changes the table's row filter lets through, see {@link MappedTable#map}). Events of tables outside the
 * selection, heartbeats and other non-row records are dropped; their offsets follow with the next
 * batch, or, when only such events arrive, with a small progress record on the lifecycle topic at
 * most every few seconds, so the stored binlog position keeps up with an idle selection.
 */
public final class DebeziumRecordTranslator implements AutoCloseable {
    private static final String OLD_KEY_HEADER = "__debezium.oldkey";
    private static final String NEW_KEY_HEADER = "__debezium.newkey";
    private static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(5);
    /** Row data after which a batch is cut, as the snapshot's default chunk: records stay far below Kafka's limits. */
    static final long BATCH_BYTES = 512 * 1024;

    private final SourceRecords records;
    private final ObjectMapping mapping;
    private final StreamCatalog catalog;
    private final SnapshotCoverage coverage;
    private final long progressIntervalNanos;
    private long lastProgressNanos = System.nanoTime();
    private CascadePlanner cascades;
    private final SchemaChangeRecords schemaChanges;
    /** The delete half of a parent's key change, until its insert half arrives. */
    private RowChange pendingKeyChange;

    private final Map<TableDef, MappedTable> mapped = new IdentityHashMap<>();

    public DebeziumRecordTranslator(SourceRecords records, ObjectMapping mapping, SourceConnections connections,
                                    SnapshotCoverage coverage) {
        this(records, mapping, connections, coverage, PROGRESS_INTERVAL);
    }

    /**
     * Takes back what the stream had learnt (renamed tables' topics, online schema changes waiting for their
     * cut-over) from Debezium's stored offset, where every record this translator emits carries it.
     */
    public void restore(Map<String, ?> storedOffset) {
        schemaChanges.state().restore(storedOffset);
    }

    DebeziumRecordTranslator(SourceRecords records, ObjectMapping mapping, SourceConnections connections,
                             SnapshotCoverage coverage, java.time.Duration progressInterval) {
        this.records = records;
        this.mapping = mapping;
        this.catalog = new StreamCatalog(connections);
        this.schemaChanges = new SchemaChangeRecords(records, mapping, catalog, this::mapped);
        this.coverage = coverage;
        this.progressIntervalNanos = progressInterval.toNanos();
    }

    public List<SourceRecord> translate(List<SourceRecord> events) {
        List<SourceRecord> out = new ArrayList<>();
        int stamped = 0;
        MappedTable current = null;
        List<RowChange> rows = new ArrayList<>();
        SourceRecord last = null;
        long bytes = 0;
        for (SourceRecord event : events) {
            if (event.value() instanceof Struct change && change.schema().field("ddl") != null) {
                // Everything before the DDL goes first, on every table's topic, with the stream state before it.
                if (current != null) {
                    flush(out, current, rows, last);
                    rows = new ArrayList<>();
                    current = null;
                }
                stamped = stamp(out, stamped);
                out.addAll(schemaChanges.records(change, event));
                // DDL may have added or dropped a foreign key: the next parent change reads them again.
                cascades = null;
                stamped = stamp(out, stamped);
                continue;
            }
            if (!(event.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
                continue;
            }
            Struct source = envelope.getStruct("source");
            TableId id = new TableId(source.getString("db"), source.getString("table"));
            if (!mapping.isTableSelected(id) || schemaChanges.isShadowTable(id) || coverage.covers(id, gtidOf(source))) {
                continue;
            }
            if ("t".equals(envelope.getString("op"))) {
                if (current != null) {
                    flush(out, current, rows, last);
                    rows = new ArrayList<>();
                    current = null;
                }
                out.add(schemaChanges.truncate(id, source, event));
                continue;
            }
            Schema rowSchema = envelope.schema().field("before").schema();
            MappedTable table = mapped(catalog.definition(id, rowSchema));
            if (current != null && (current != table || bytes >= BATCH_BYTES)) {
                flush(out, current, rows, last);
                rows = new ArrayList<>();
                bytes = 0;
            }
            current = table;
            RowChange raw = rowChange(table.source(), envelope, source, event);
            RowChange change = table.map(raw);
            if (change != null) {
                rows.add(change);
                bytes += sizeOf(change.before()) + sizeOf(change.after());
            }
            last = event;
            List<SourceRecord> cascaded = cascadesOf(table.source(), raw, event, gtidOf(source));
            if (!cascaded.isEmpty()) {
                // The child's cascade follows the parent's change on the child's own topic, in binlog order.
                flush(out, current, rows, last);
                rows = new ArrayList<>();
                current = null;
                out.addAll(cascaded);
            }
        }
        if (current != null) {
            flush(out, current, rows, last);
        }
        if (out.isEmpty() && !events.isEmpty() && System.nanoTime() - lastProgressNanos >= progressIntervalNanos) {
            SourceRecord newest = events.get(events.size() - 1);
            out.add(records.binlogProgress(newest.sourcePartition(), newest.sourceOffset()));
        }
        stamp(out, stamped);
        if (!out.isEmpty()) {
            lastProgressNanos = System.nanoTime();
        }
        return out;
    }

    /** Adds the stream state to the offsets of the records from {@code from} on; returns the new end. */
    private int stamp(List<SourceRecord> out, int from) {
        for (int i = from; i < out.size(); i++) {
            SourceRecord r = out.get(i);
            Map<String, ?> offset = schemaChanges.state().stamp(r.sourceOffset());
            if (offset != r.sourceOffset()) {
                out.set(i, new SourceRecord(r.sourcePartition(), offset, r.topic(), r.kafkaPartition(), r.keySchema(), r.key(),
                        r.valueSchema(), r.value(), r.timestamp(), r.headers()));
            }
        }
        return out.size();
    }

    /**
     * CASCADE batches for the child rows a parent change made InnoDB change, which the binlog lacks. A
     * key change arrives as a delete (with the new key in a header) and an insert from the same binlog
     * row; the two are taken together as the update they are.
     */
    private List<SourceRecord> cascadesOf(TableDef parent, RowChange raw, SourceRecord event, String gtid) {
        if (cascades == null) {
            cascades = new CascadePlanner(catalog.foreignKeys(), mapping);
        }
        if (!cascades.hasChildren(parent.id())) {
            return List.of();
        }
        RowChange change = raw;
        if (raw.op() == RowOp.DELETE && event.headers().lastWithName(NEW_KEY_HEADER) != null) {
            pendingKeyChange = raw;
            return List.of();
        }
        if (raw.op() == RowOp.INSERT && pendingKeyChange != null && event.headers().lastWithName(OLD_KEY_HEADER) != null) {
            change = new RowChange(RowOp.UPDATE, raw.position(), pendingKeyChange.before(), raw.after());
        }
        pendingKeyChange = null;
        List<ChainStep> chain = cascades.chain(parent, change);
        // A step is sent when its table's snapshot does not already hold it and the step it follows is sent.
        boolean[] sent = new boolean[chain.size()];
        int[] consumers = new int[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            ChainStep step = chain.get(i);
            sent[i] = (step.parent() < 0 || sent[step.parent()]) && catalog.current(step.table()) != null
                    && !coverage.covers(step.table(), gtid);
            if (sent[i] && step.parent() >= 0) {
                consumers[step.parent()]++;
            }
        }
        List<SourceRecord> out = new ArrayList<>();
        SourcePosition at = change.position();
        SourcePosition[] positions = new SourcePosition[chain.size()];
        int sub = 2;    // after the change's own sub-positions (0, and 1 for a key change's insert)
        for (int i = 0; i < chain.size(); i++) {
            // Every step gets its own position, in level order: a table's deeper levels apply after its shallower ones.
            positions[i] = new SourcePosition(at.fileSequence(), at.position(), at.row(), sub++);
            if (sent[i]) {
                ChainStep step = chain.get(i);
                out.add(stepRecord(step, consumers[i], positions[i], step.parent() < 0 ? null : positions[step.parent()], event));
            }
        }
        return out;
    }

    /** The CASCADE batch of one step of a chain, under destination names. */
    private SourceRecord stepRecord(ChainStep step, int consumers, SourcePosition position, SourcePosition fromStep,
                                    SourceRecord event) {
        TableId id = step.table();
        MappedTable table = mapped(catalog.current(id));
        TableId from = step.parent() < 0 ? null : step.keys().get(0).parent();
        CascadeStep plan = new CascadeStep(from == null ? null : mapped(catalog.current(from)).destination().id(),
                fromStep,
                step.keys().stream().map(this::rule).toList(), step.selfKeys().stream().map(this::rule).toList(),
                consumers == 0 ? List.of() : columns(id, step.recorded()), consumers);
        ChangeBatch batch;
        if (step.first() == null) {
            batch = ChangeBatch.cascadeLevel(table.destination(), position, plan);
        }
        else {
            List<String> columns = columns(id, step.first().key().childColumns());
            RowChange childChange = step.first().toChildChange(table.destination(), columns, position);
            batch = ChangeBatch.cascade(table.destination(), columns, List.of(childChange), plan);
        }
        return records.batch(schemaChanges.state().topicOf(id), batch, event.sourcePartition(), event.sourceOffset());
    }

    /** A key of a table of the chain as the sink follows it: destination names on both sides. */
    private CascadeRule rule(ForeignKey key) {
        return new CascadeRule(columns(key.child(), key.childColumns()), columns(key.parent(), key.parentColumns()),
                key.onDelete(), key.onUpdate());
    }

    private List<String> columns(TableId table, List<String> sourceColumns) {
        return sourceColumns.stream().map(c -> mapping.destinationColumn(table, c)).toList();
    }

    /** One batch for a run of one table's changes; none when the filter let no change through. */
    private void flush(List<SourceRecord> out, MappedTable table, List<RowChange> rows, SourceRecord last) {
        if (!rows.isEmpty()) {
            out.add(records.batch(schemaChanges.state().topicOf(table.source().id()), ChangeBatch.changes(table.destination(), rows),
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

    /** A rough size of an image's values, enough to keep a record near {@link #BATCH_BYTES}. */
    static long sizeOf(Object[] image) {
        if (image == null) {
            return 0;
        }
        long bytes = 0;
        for (Object value : image) {
            if (value instanceof String s) {
                bytes += s.length() + 2L;
            }
            else if (value instanceof byte[] b) {
                bytes += b.length + 2L;
            }
            else {
                bytes += 9;
            }
        }
        return bytes;
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
                // Not Struct.get: it answers a NULL with the column's default value from Debezium's schema.
                Object value = row.getWithoutDefault(column.name());
                if (value == null && !column.nullable() && column.valueKind() == ValueKind.TEMPORAL) {
                    throw new ConnectException(nullInNotNullColumn(def, column));
                }
                image[i] = StreamValueConverter.convert(column, schema, value);
            }
        }
        return image;
    }

    /**
     * A NULL from the binlog in a NOT NULL DATE, DATETIME or TIMESTAMP column: a zero or invalid date read
     * by Debezium's own row deserializer instead of Ferry's (see {@link ExactTemporalDecoding}), which
     * must not become NULL or a substitute value on the destination.
     */
    static String nullInNotNullColumn(TableDef def, ColumnDef column) {
        return "Column " + column.name() + " of " + def.id() + " is NOT NULL but a binlog row holds NULL for it: a zero or "
                + "invalid date (such as 0000-00-00 or 2021-02-31) that the binlog reader turned into NULL. Ferry stops "
                + "rather than write a changed value; fix the value on the source, or run the migration again.";
    }

    @Override
    public void close() {
        catalog.close();
    }
}
