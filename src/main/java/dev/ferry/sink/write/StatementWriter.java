package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.bind.BinderRegistry;
import dev.ferry.sink.bind.StatementParameters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sink's statements on one connection and owns its transaction: nothing is committed
 * except by {@link #commit()}. Every failure becomes a {@link WriteException} naming the table and
 * statement kind. Prepared statements are kept for reuse until the writer is closed.
 */
public final class StatementWriter implements AutoCloseable {
    private static final int MAX_CACHED_STATEMENTS = 32;

    private final Connection connection;
    private final BinderRegistry binders;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /** Binds one statement's parameters. */
    @FunctionalInterface
    public interface Binding {
        void bind(StatementParameters parameters) throws SQLException;
    }

    public StatementWriter(Connection connection, BinderRegistry binders) {
        this.connection = connection;
        this.binders = binders;
    }

    public Connection connection() {
        return connection;
    }

    /** Executes a DML statement on {@code table} and returns its update count (found rows). */
    public long execute(TableDef table, StatementKind kind, String sql, Binding binding) throws WriteException {
        try {
            PreparedStatement statement = prepare(sql);
            statement.clearParameters();
            binding.bind(new StatementParameters(statement, binders));
            return statement.executeLargeUpdate();
        }
        catch (SQLException e) {
            throw failure(table.id(), columnNames(table), kind, e);
        }
    }

    /** Executes a statement without parameters, such as DDL (which commits implicitly). */
    public void executePlain(TableId table, List<String> identifiers, StatementKind kind, String sql) throws WriteException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw failure(table, identifiers, kind, e);
        }
    }

    public void commit() throws WriteException {
        try {
            connection.commit();
        }
        catch (SQLException e) {
            throw failure(null, List.of(), StatementKind.COMMIT, e);
        }
    }

    /** Rolls back; a failure to do so is attached to {@code cause}, which is what the caller reports. */
    public void rollback(Exception cause) {
        try {
            connection.rollback();
        }
        catch (SQLException e) {
            cause.addSuppressed(failure(null, List.of(), StatementKind.COMMIT, e));
        }
    }

    /** Wraps a failure of a statement run elsewhere on this writer's connection. */
    public static WriteException failure(TableId table, List<String> identifiers, StatementKind kind, SQLException e) {
        return WriteException.of(table, identifiers, kind, e);
    }

    @Override
    public void close() {
        closeStatements();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            if (prepared.size() >= MAX_CACHED_STATEMENTS) {
                closeStatements();
            }
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private void closeStatements() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            }
            catch (SQLException ignored) {
                // The connection is going away or already gone; the statement goes with it.
            }
        }
        prepared.clear();
    }

    private static List<String> columnNames(TableDef table) {
        return table.columns().stream().map(ColumnDef::name).toList();
    }
}
