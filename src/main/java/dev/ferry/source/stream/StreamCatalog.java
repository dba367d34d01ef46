package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.source.SourceConnections;
import dev.ferry.core.ddl.StoredObjectDdl;
import dev.ferry.source.schema.SchemaReader;
import dev.ferry.source.schema.StoredObjectReader;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.source.catalog.ForeignKeyCatalog;
import dev.ferry.source.catalog.TableCatalog;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Table definitions for binlog events, read from the source's information_schema when a table is
 * first seen and again when Debezium's row schema no longer matches them (after DDL), with the
 * character sets the row schema gives for the event's position ({@link PositionedDefinition}).
 */
final class StreamCatalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCatalog.class);
    private static final int LOCK_WAIT_SECONDS = 60;
    private static final int ER_NO_SUCH_TABLE = 1146;
    private static final int ER_TABLEACCESS_DENIED = 1142;
    private static final int ER_COLUMNACCESS_DENIED = 1143;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private final SourceConnections connections;
    private final Map<TableId, TableDef> tables = new HashMap<>();
    private Connection connection;

    StreamCatalog(SourceConnections connections) {
        this.connections = connections;
    }

    /**
     * The definition of a table at a binlog event, given the event's row schema: the cached one while it
     * still matches (names and character sets), else the source's current one with the character sets the
     * row schema gives ({@link PositionedDefinition}).
     */
    TableDef definition(TableId id, Schema rowSchema) {
        TableDef known = tables.get(id);
        // The same instance while the table is unchanged: the translator groups events by identity.
        if (known != null && PositionedDefinition.matches(known, rowSchema)) {
            return known;
        }
        TableDef fresh = load(id);
        if (fresh == null || !PositionedDefinition.sameNames(fresh, rowSchema)) {
            throw new ConnectException("The binlog event for " + id + " has columns " + fieldNames(rowSchema)
                    + " but the table on the source now has " + (fresh == null ? "no columns (dropped)" : columnNames(fresh))
                    + ". The table changed while Ferry was behind; restart the migration of this table.");
        }
        TableDef positioned = PositionedDefinition.at(fresh, rowSchema);
        if (positioned != fresh) {
            LOG.warn("{} changed its character sets after the binlog events Ferry is reading now (Ferry is behind): "
                    + "decoding them with the character sets they were written in, {} rather than today's {}", id,
                    charsets(positioned), charsets(fresh));
        }
        tables.put(id, positioned);
        return positioned;
    }

    /** Forgets a table's definition (after DDL changed it). */
    void forget(TableId id) {
        tables.remove(id);
    }

    /**
     * A table renamed by a statement that changed nothing else: its definition is kept under the new name,
     * so its later rows need no read of the source, which may have changed the table again meanwhile.
     */
    void renamed(TableDef before, TableId to) {
        tables.remove(before.id());
        tables.put(to, before.withId(to));
    }

    /** The definition in use for a table, or null when none is (no read of the source). */
    TableDef cached(TableId id) {
        return tables.get(id);
    }

    /** The current definition of a table, read from the source when not known yet. */
    TableDef current(TableId id) {
        TableDef known = tables.get(id);
        if (known == null) {
            known = load(id);
            if (known == null) {
                return null;
            }
            tables.put(id, known);
        }
        return known;
    }

    /** The destination's CREATE DATABASE and CREATE TABLE statements for a table, as schema migration writes them. */
    List<String> createStatements(TableDef table, ObjectMapping mapping) {
        try {
            return new SchemaReader(mapping).statements(connection(), table);
        }
        catch (SQLException e) {
            connection = null;
            throw new RetriableException("Reading the definition of " + table.id() + " from the source failed: " + e.getMessage(), e);
        }
    }

    /** The destination's statements for a view, procedure or function as the source defines it now (empty when gone). */
    List<String> storedObjectStatements(StoredObjectDdl.Kind kind, TableId object, ObjectMapping mapping) {
        try {
            return new StoredObjectReader(mapping, false).statements(connection(), kind, object);
        }
        catch (SQLException e) {
            connection = null;
            throw new RetriableException("Reading the definition of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + object
                    + " from the source failed: " + e.getMessage(), e);
        }
    }

    /** The source's foreign keys whose actions change child rows. */
    List<ForeignKey> foreignKeys() {
        try {
            return ForeignKeyCatalog.changingChildren(connection());
        }
        catch (SQLException e) {
            connection = null;
            throw new RetriableException("Reading the foreign keys of the source failed: " + e.getMessage(), e);
        }
    }

    private TableDef load(TableId id) {
        try {
            Connection c = connection();
            awaitStatementsChanging(c, id);
            return TableCatalog.read(c, id);
        }
        catch (SQLException e) {
            connection = null;
            throw new RetriableException("Reading the definition of " + id + " from the source failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(5)) {
            connection = connections.open();
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            }
        }
        return connection;
    }

    /**
     * Waits until no statement is still changing the table, by opening it: MySQL 8.0 sends a DDL
     * statement's binlog event before its data dictionary change commits, and information_schema
     * reads take no metadata lock, so a definition read right at the event could miss the statement
     * (a table just created read as absent). Opening the table queues behind the statement's metadata
     * lock. A table that does not exist, or that the source user may not open, is left to the read;
     * a lock held longer than {@value #LOCK_WAIT_SECONDS} s (a {@code LOCK TABLES ... WRITE}, not
     * DDL) is logged and not waited for.
     */
    private static void awaitStatementsChanging(Connection c, TableId id) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet ignored = s.executeQuery(new SqlBuilder().sql("SELECT 1 FROM ").table(id).sql(" LIMIT 0").toString())) {
            // opened: any statement that held the table's metadata lock has committed
        }
        catch (SQLException e) {
            switch (e.getErrorCode()) {
                case ER_NO_SUCH_TABLE, ER_TABLEACCESS_DENIED, ER_COLUMNACCESS_DENIED -> {
                    // absent or not ours to open: information_schema answers
                }
                case ER_LOCK_WAIT_TIMEOUT -> LOG.warn("{} stayed locked for {} s while Ferry read its definition; reading it anyway",
                        id, LOCK_WAIT_SECONDS);
                default -> throw e;
            }
        }
    }

    private static List<String> charsets(TableDef def) {
        return def.columns().stream().filter(c -> c.charset() != null).map(c -> c.name() + " " + c.charset()).toList();
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).toList();
    }

    private static List<String> columnNames(TableDef def) {
        return def.columns().stream().map(ColumnDef::name).toList();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // closing a connection we no longer need; nothing to recover
            }
        }
    }
}
