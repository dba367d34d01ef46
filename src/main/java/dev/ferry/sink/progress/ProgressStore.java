package dev.ferry.sink.progress;

import dev.ferry.core.TableId;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.sink.dialect.CreateDatabaseStatement;
import dev.ferry.sink.dialect.ProgressStatements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the progress table through the sink's connection, so progress rows commit in the
 * same transaction as the rows they cover. Each table's row is read once and then cached; changed
 * rows are written at the end of the transaction. After a rollback, {@link #invalidate()} must be
 * called: the cache then again holds only what the database holds.
 */
public final class ProgressStore {
    private final String connectorName;
    private final ProgressStatements statements;
    private final Map<TableId, TableProgress> cache = new HashMap<>();
    private final Set<TableId> changed = new LinkedHashSet<>();

    public ProgressStore(String connectorName, String stateDatabase) {
        this.connectorName = connectorName;
        this.statements = new ProgressStatements(stateDatabase);
    }

    /** The progress table, for error messages. */
    public TableId table() {
        return statements.table();
    }

    /** Creates the state database and the progress table if they do not exist. DDL: commits. */
    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CreateDatabaseStatement.sql(statements.table().database()));
            statement.execute(statements.createTable());
        }
        try (PreparedStatement query = connection.prepareStatement(ProgressStatements.keepsRowsColumnQuery())) {
            query.setString(1, statements.table().database());
            try (ResultSet found = query.executeQuery()) {
                if (!found.next()) {
                    try (Statement alter = connection.createStatement()) {
                        alter.execute(statements.addKeepsRowsColumn());
                    }
                }
            }
        }
    }

    /** The recorded progress of a (destination) table, including changes not yet written. */
    public TableProgress current(Connection connection, TableId source) throws SQLException {
        TableProgress progress = cache.get(source);
        if (progress == null) {
            progress = load(connection, source);
            cache.put(source, progress);
        }
        return progress;
    }

    /**
     * The committed progress of a table, which another task may have written since the sink's transaction
     * began: read on a connection of its own, outside that transaction, so it takes no lock. Not cached.
     */
    public TableProgress committed(Connection connection, TableId table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.select())) {
            statement.setString(1, connectorName);
            statement.setString(2, table.database());
            statement.setString(3, table.table());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? read(row) : TableProgress.NONE;
            }
        }
    }

    /** Records new progress of a (destination) table; written by the next {@link #writeChanged}. */
    public void update(TableId source, TableProgress progress) {
        cache.put(source, progress);
        changed.add(source);
    }

    /** Writes every changed progress row, in the connection's current transaction. */
    public void writeChanged(Connection connection) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(statements.replace())) {
            for (TableId source : changed) {
                bindRow(statement, source, cache.get(source));
                statement.executeUpdate();
            }
        }
        changed.clear();
    }

    /** Forgets every cached and unwritten progress row. */
    public void invalidate() {
        cache.clear();
        changed.clear();
    }

    private TableProgress load(Connection connection, TableId source) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.select())) {
            statement.setString(1, connectorName);
            statement.setString(2, source.database());
            statement.setString(3, source.table());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? read(row) : TableProgress.NONE;
            }
        }
    }

    private static TableProgress read(ResultSet row) throws SQLException {
        long file = row.getLong(4);
        SourcePosition watermark = row.wasNull() ? null
                : new SourcePosition(file, row.getLong(5), row.getInt(6), row.getInt(7));
        return new TableProgress(row.getString(1), row.getLong(2), row.getBoolean(3), watermark, row.getBoolean(8));
    }

    private void bindRow(PreparedStatement statement, TableId source, TableProgress progress) throws SQLException {
        statement.setString(1, connectorName);
        statement.setString(2, source.database());
        statement.setString(3, source.table());
        statement.setString(4, progress.snapshotId());
        statement.setLong(5, progress.snapshotChunk());
        statement.setBoolean(6, progress.snapshotDone());
        SourcePosition watermark = progress.watermark();
        if (watermark == null) {
            for (int i = 7; i <= 10; i++) {
                statement.setNull(i, i <= 8 ? Types.BIGINT : Types.INTEGER);
            }
        }
        else {
            statement.setLong(7, watermark.fileSequence());
            statement.setLong(8, watermark.position());
            statement.setInt(9, watermark.row());
            statement.setInt(10, watermark.sub());
        }
        statement.setBoolean(11, progress.keepsExistingRows());
    }
}
