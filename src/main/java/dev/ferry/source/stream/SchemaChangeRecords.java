package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.LiveDdl;
import dev.ferry.core.ddl.OnlineSchemaChange;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.source.SourceRecords;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns Debezium's schema change events (DDL text) and truncate events into Ferry's DDL records, on the
 * changed table's topic at the statement's binlog position, and follows online schema change tools
 * ({@link OnlineSchemaChange}): their shadow tables are skipped, their effective ALTER lands at the cut-over.
 */
final class SchemaChangeRecords {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaChangeRecords.class);

    private final SourceRecords records;
    private final ObjectMapping mapping;
    private final StreamCatalog catalog;
    private final Function<TableDef, MappedTable> mapped;
    private final OnlineSchemaChange onlineSchemaChanges;

    SchemaChangeRecords(SourceRecords records, ObjectMapping mapping, StreamCatalog catalog, Function<TableDef, MappedTable> mapped) {
        this.records = records;
        this.mapping = mapping;
        this.catalog = catalog;
        this.mapped = mapped;
        this.onlineSchemaChanges = new OnlineSchemaChange(mapping);
    }

    /** Whether the table is a shadow table of an online schema change tool, whose rows are not migrated. */
    boolean isShadowTable(TableId table) {
        return onlineSchemaChanges.realTableOf(table) != null;
    }

    /**
     * The DDL records of one schema change event: one for a statement Ferry replays, those an online
     * schema change's cut-over releases, or none. Debezium's own schema snapshot (recovery) also produces
     * such events; they describe the schema at the start, which the destination already has, and are
     * ignored.
     */
    List<SourceRecord> records(Struct change, SourceRecord event) {
        Struct source = change.getStruct("source");
        String snapshot = source.schema().field("snapshot") == null ? null : source.getString("snapshot");
        if (snapshot != null && !snapshot.equals("false")) {
            return List.of();
        }
        String database = change.getString("databaseName") == null ? "" : change.getString("databaseName");
        String text = change.getString("ddl");
        long file = SourcePosition.fileSequence(source.getString("file"));
        long pos = source.getInt64("pos");
        OnlineSchemaChange.Replay replay = onlineSchemaChanges.onDdl(text, database);
        if (replay != null) {
            // A shadow table's DDL, or the cut-over: the effective ALTERs land on the real table now.
            List<SourceRecord> out = new ArrayList<>();
            for (int i = 0; i < replay.statements().size(); i++) {
                SourceRecord record = ddlRecord(LiveDdl.of(replay.statements().get(i), database, mapping, catalog::current),
                        replay.statements().get(i), new SourcePosition(file, pos, 0, i), event);
                if (record != null) {
                    out.add(record);
                }
            }
            if (replay.table() != null) {
                catalog.forget(replay.table());
                LOG.info("Online schema change of {} cut over: {} statement(s) replayed on the destination table", replay.table(),
                        out.size());
            }
            return out;
        }
        SourceRecord record = ddlRecord(LiveDdl.of(text, database, mapping, catalog::current), text,
                new SourcePosition(file, pos, 0, 0), event);
        return record == null ? List.of() : List.of(record);
    }

    private SourceRecord ddlRecord(LiveDdl ddl, String text, SourcePosition position, SourceRecord event) {
        if (ddl.table() == null || isShadowTable(ddl.table())) {
            return null;
        }
        if (ddl.destinationDdl() == null) {
            LOG.warn("DDL on {} is not replayed on the destination: {} -- statement: {}", ddl.table(), ddl.unsupported(), text);
            return null;
        }
        TableDef before = catalog.current(ddl.table());
        catalog.forget(ddl.table());
        TableDef destination = before == null ? new TableDef(mapping.destinationOf(ddl.table()), List.of(), List.of())
                : mapped.apply(before).destination();
        return records.batch(ddl.table(), ChangeBatch.ddl(destination, position, ddl.destinationDdl()), event.sourcePartition(),
                event.sourceOffset());
    }

    /** TRUNCATE TABLE of a selected table, which Debezium reports as a truncate event: a DDL batch. */
    SourceRecord truncate(TableId id, Struct source, SourceRecord event) {
        TableId destination = mapping.destinationOf(id);
        String sql = new SqlBuilder().sql("TRUNCATE TABLE ").table(destination).toString();
        TableDef before = catalog.current(id);
        TableDef destinationDef = before == null ? new TableDef(destination, List.of(), List.of()) : mapped.apply(before).destination();
        SourcePosition position = new SourcePosition(SourcePosition.fileSequence(source.getString("file")), source.getInt64("pos"),
                source.getInt32("row"), 0);
        return records.batch(id, ChangeBatch.ddl(destinationDef, position, sql), event.sourcePartition(), event.sourceOffset());
    }
}
