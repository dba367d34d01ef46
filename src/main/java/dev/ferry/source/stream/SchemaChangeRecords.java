package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.LiveDdl;
import dev.ferry.core.ddl.OnlineSchemaChange;
import dev.ferry.core.ddl.StoredObjectDdl;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.source.SourceRecords;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns Debezium's schema change events (DDL text) and truncate events into Ferry's DDL records, on the
 * changed table's topic at the statement's binlog position, and follows online schema change tools
 * ({@link OnlineSchemaChange}): their shadow tables are skipped, their effective ALTER lands at the cut-over.
 *
 * <p>A rename inside the selection renames the destination table, and the table's records keep the topic
 * of its old name ({@link StreamState}), so the sink applies them after the rename. A table renamed out of
 * the selection keeps its destination table as it is, with a WARN. A table renamed into the selection
 * stops the task: its rows were never copied. A new selected table is created on the destination from
 * its definition ({@code SHOW CREATE TABLE}, rewritten as in schema migration), before its first rows.
 */
final class SchemaChangeRecords {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaChangeRecords.class);

    private final SourceRecords records;
    private final ObjectMapping mapping;
    private final StreamCatalog catalog;
    private final Function<TableDef, MappedTable> mapped;
    private final OnlineSchemaChange onlineSchemaChanges;
    private final StreamState state;
    /** The binlog position of the last statement, and how many DDL records it produced: Debezium reports a statement per table. */
    private long statementFile = -1;
    private long statementPos = -1;
    private int statementRecords;
    /** The tables the current statement renamed away, with the topic their records used. */
    private final Map<TableId, TableId> renamedAway = new HashMap<>();

    SchemaChangeRecords(SourceRecords records, ObjectMapping mapping, StreamCatalog catalog, Function<TableDef, MappedTable> mapped) {
        this.records = records;
        this.mapping = mapping;
        this.catalog = catalog;
        this.mapped = mapped;
        this.onlineSchemaChanges = new OnlineSchemaChange(mapping);
        this.state = new StreamState(onlineSchemaChanges);
    }

    StreamState state() {
        return state;
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
        if (file != statementFile || pos != statementPos) {
            statementFile = file;
            statementPos = pos;
            statementRecords = 0;
            renamedAway.clear();
        }
        StoredObjectDdl object = StoredObjectDdl.of(text, database);
        if (object != null) {
            return storedObjects(object, file, pos, event);
        }
        OnlineSchemaChange.Replay replay = onlineSchemaChanges.onDdl(text, database);
        if (replay != null) {
            state.changed();
            // A shadow table's DDL, or the cut-over: the effective ALTERs land on the real table now.
            List<SourceRecord> out = new ArrayList<>();
            for (int i = 0; i < replay.statements().size(); i++) {
                SourceRecord record = ddlRecord(LiveDdl.of(replay.statements().get(i), database, mapping, catalog::current),
                        replay.statements().get(i), next(file, pos), event);
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
        LiveDdl ddl = LiveDdl.of(text, database, mapping, catalog::current);
        if (ddl.kind() == LiveDdl.Kind.RENAME_TABLE) {
            return rename(ddl, text, file, pos, event);
        }
        if (ddl.kind() == LiveDdl.Kind.CREATE_TABLE) {
            return create(ddl.table(), change, file, pos, event);
        }
        SourceRecord record = ddlRecord(ddl, text, next(file, pos), event);
        if (ddl.kind() == LiveDdl.Kind.DROP_TABLE && record != null) {
            state.forget(ddl.table());
        }
        return record == null ? List.of() : List.of(record);
    }

    /**
     * Views, procedures and functions of databases selected as a whole (the rule schema migration follows): a
     * dropped object is dropped on the destination ({@code IF EXISTS}); a created or changed one is read from the
     * source as it is now and recreated (dropped first, then created as schema migration creates it: without
     * DEFINER, with SQL SECURITY INVOKER, a routine under its sql_mode, names mapped). One DDL record per object
     * on the database's objects topic, so they apply once and in binlog order among themselves; a view whose
     * tables or columns are not on the destination yet (their DDL travels on the tables' own topics) waits in
     * the sink.
     */
    private List<SourceRecord> storedObjects(StoredObjectDdl ddl, long file, long pos, SourceRecord event) {
        List<SourceRecord> out = new ArrayList<>();
        for (TableId object : ddl.objects()) {
            if (!mapping.isWholeDatabaseSelected(object.database())) {
                continue;
            }
            TableId destination = ddl.kind() == StoredObjectDdl.Kind.VIEW ? mapping.destinationOf(object)
                    : new TableId(mapping.destinationDatabase(object.database()), object.table());
            List<String> statements = new ArrayList<>();
            statements.add(new SqlBuilder().sql("DROP " + ddl.kind().name() + " IF EXISTS ").table(destination).toString());
            if (ddl.action() == StoredObjectDdl.Action.CREATE_OR_ALTER) {
                List<String> create = catalog.storedObjectStatements(ddl.kind(), object, mapping);
                if (create.isEmpty()) {
                    continue;       // dropped since: its DROP follows
                }
                statements.addAll(create);
            }
            TableDef objects = new TableDef(new TableId(mapping.destinationDatabase(object.database()), ChangeBatch.OBJECTS_TABLE),
                    List.of(), List.of());
            out.add(records.batch(new TableId(object.database(), ChangeBatch.OBJECTS_TABLE),
                    ChangeBatch.ddl(objects, next(file, pos), statements), event.sourcePartition(), event.sourceOffset()));
        }
        return out;
    }

    /** The position of the statement's next DDL record: records of one statement on one topic must not share one. */
    private SourcePosition next(long file, long pos) {
        return new SourcePosition(file, pos, 0, statementRecords++);
    }

    /**
     * A table renamed: inside the selection, the destination table is renamed and the table keeps its topic;
     * out of it, the destination table stays as it is; into it, the task stops.
     */
    private List<SourceRecord> rename(LiveDdl ddl, String text, long file, long pos, SourceRecord event) {
        TableId from = ddl.table();
        TableId to = ddl.renamedTo();
        boolean fromSelected = mapping.isTableSelected(from) && !isShadowTable(from);
        boolean toSelected = mapping.isTableSelected(to) && !isShadowTable(to);
        if (fromSelected && !toSelected) {
            LOG.warn("{} was renamed to {}, which is not selected: destination table {} keeps the rows it has and receives no "
                    + "later change (statement: {})", from, to, mapping.destinationOf(from), text);
            state.forget(from);
            catalog.forget(from);
            return List.of();
        }
        if (!fromSelected) {
            throw new ConnectException("At binlog position " + new SourcePosition(file, pos, 0, 0) + " the source renamed " + from
                    + ", which this migration does not select, to " + to + ", which it does (statement: " + text + "). The rows "
                    + to + " holds were never copied, so syncing its later changes would leave the destination table "
                    + mapping.destinationOf(to) + " incomplete. Start a new migration (another connector name and topic.prefix, "
                    + "into a destination without that table) so its snapshot copies " + to + ", or exclude " + to
                    + " with table.exclude.list in that new migration.");
        }
        if (ddl.destinationDdl() == null) {
            throw new ConnectException("The source renamed " + from + " to " + to + " in a statement Ferry cannot replay ("
                    + ddl.unsupported() + "; statement: " + text + "); the destination table would stay under its old name. "
                    + "Apply the statement to " + mapping.destinationOf(from) + " yourself, then restart the migration of the table.");
        }
        requireSameShape(from, to);
        TableId topic = state.topicOf(from);
        TableId freedBy = renamedAway.get(to);
        if (freedBy != null && !freedBy.equals(topic)) {
            throw new ConnectException("At binlog position " + new SourcePosition(file, pos, 0, 0) + " one statement renamed "
                    + to + " away and renamed " + from + " to its name (statement: " + text + "). Ferry replays each table's "
                    + "renames in order with that table's rows, on its own topic, and cannot order a swap across two tables' "
                    + "topics. Restart the migration; to swap tables during a migration, use gh-ost or pt-online-schema-change, "
                    + "whose cut-over Ferry replays as one change.");
        }
        renamedAway.put(from, topic);
        TableDef kept = catalog.cached(from);
        SourceRecord record = ddlRecord(ddl, text, next(file, pos), event);
        state.renamed(from, to);
        if (kept != null && ddl.destinationDdl().startsWith("RENAME")) {
            catalog.renamed(kept, to);
        }
        else {
            catalog.forget(from);
            catalog.forget(to);
        }
        LOG.info("{} was renamed to {} on the source: destination table {} is renamed to {}, and {}'s changes keep the topic "
                + "of {}", from, to, mapping.destinationOf(from), mapping.destinationOf(to), to, topic);
        return record == null ? List.of() : List.of(record);
    }

    /** Renaming keeps the destination table: the new name's column selection, names and row filter must be the old one's. */
    private void requireSameShape(TableId from, TableId to) {
        TableDef known = catalog.cached(from);
        TableDef definition = known != null ? known : catalog.current(to);
        if (definition == null) {
            return;     // renamed again or dropped since: the later statements decide
        }
        MappedTable before = mapped.apply(definition.withId(from));
        MappedTable after = mapped.apply(definition.withId(to));
        boolean sameFilter = String.valueOf(mapping.rowFilter(from).orElse(null)).equals(String.valueOf(mapping.rowFilter(to).orElse(null)));
        if (!before.destination().columns().equals(after.destination().columns())
                || !before.destination().keyColumns().equals(after.destination().keyColumns()) || !sameFilter) {
            throw new ConnectException("The source renamed " + from + " to " + to + ", but the two names have different column "
                    + "selections, column names or row filters in this migration's settings, so the renamed destination table "
                    + mapping.destinationOf(from) + " cannot take " + to + "'s rows as they are. Give both names the same settings "
                    + "and start a new migration.");
        }
    }

    /**
     * A new selected table: the destination database and table are created from the table's definition as the
     * source writes it, at the statement's position, before any of its rows (which follow on its topic). The
     * definition is read now; if the table changed since the statement, its columns differ from those Debezium
     * parsed from the statement, and the task stops rather than create another shape.
     */
    private List<SourceRecord> create(TableId table, Struct change, long file, long pos, SourceRecord event) {
        state.forget(table);
        catalog.forget(table);
        TableDef definition = catalog.current(table);
        List<String> parsed = parsedColumns(change);
        if (definition == null || (parsed != null && !parsed.equals(definition.columns().stream().map(c -> c.name()).toList()))) {
            throw new ConnectException("Table " + table + " was created on the source at binlog position "
                    + new SourcePosition(file, pos, 0, 0) + " with columns " + parsed + ", and then " + (definition == null
                    ? "dropped or renamed" : "changed (it now has " + definition.columns().stream().map(c -> c.name()).toList() + ")")
                    + " before Ferry read its definition, so Ferry cannot create it as it was. Restart the migration of this table "
                    + "(a new migration whose snapshot copies it).");
        }
        MappedTable destination = mapped.apply(definition);
        List<String> statements = catalog.createStatements(definition, mapping);
        List<SourceRecord> out = new ArrayList<>();
        for (String statement : statements) {
            out.add(records.batch(state.topicOf(table), ChangeBatch.ddl(destination.destination(), next(file, pos), statement),
                    event.sourcePartition(), event.sourceOffset()));
        }
        LOG.info("Table {} was created on the source: created on the destination as {}, and its changes follow", table,
                destination.destination().id());
        return out;
    }

    /** The column names Debezium parsed from a CREATE TABLE, or null when the event does not say. */
    private static List<String> parsedColumns(Struct change) {
        if (change.schema().field("tableChanges") == null || change.getArray("tableChanges") == null) {
            return null;
        }
        for (Object item : change.getArray("tableChanges")) {
            if (item instanceof Struct tableChange && "CREATE".equals(tableChange.getString("type"))
                    && tableChange.getStruct("table") != null) {
                List<String> names = new ArrayList<>();
                for (Object column : tableChange.getStruct("table").getArray("columns")) {
                    names.add(((Struct) column).getString("name"));
                }
                return names;
            }
        }
        return null;
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
        return records.batch(state.topicOf(ddl.table()), ChangeBatch.ddl(destination, position, ddl.destinationDdl()),
                event.sourcePartition(), event.sourceOffset());
    }

    /** TRUNCATE TABLE of a selected table, which Debezium reports as a truncate event: a DDL batch. */
    SourceRecord truncate(TableId id, Struct source, SourceRecord event) {
        TableId destination = mapping.destinationOf(id);
        String sql = new SqlBuilder().sql("TRUNCATE TABLE ").table(destination).toString();
        TableDef before = catalog.current(id);
        TableDef destinationDef = before == null ? new TableDef(destination, List.of(), List.of()) : mapped.apply(before).destination();
        SourcePosition position = new SourcePosition(SourcePosition.fileSequence(source.getString("file")), source.getInt64("pos"),
                source.getInt32("row"), 0);
        return records.batch(state.topicOf(id), ChangeBatch.ddl(destinationDef, position, sql), event.sourcePartition(),
                event.sourceOffset());
    }
}
