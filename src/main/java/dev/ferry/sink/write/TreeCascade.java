package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.sink.bind.BinderRegistry;
import dev.ferry.sink.bind.StatementParameters;
import dev.ferry.sink.dialect.CascadeStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes the rows of a cascade on a self-referencing table (a tree: {@code parent_id REFERENCES t (id)
 * ON DELETE CASCADE}) and everything InnoDB deleted below them on the source, level by level, which the
 * binlog does not show and the source's CASCADE record does not name: before a level's rows are deleted,
 * their referenced values are read, and the rows referencing those are the next level ({@code ON DELETE
 * SET NULL} keys get NULL instead, and stop there). The table's self-referencing keys are the destination's
 * own (schema migration creates them). Runs on the table at exactly the source position of the cascade,
 * so the rows it reads are the source's; a row is deleted at most once, so a cycle in the data ends.
 */
public final class TreeCascade {
    private static final String SELF_KEYS = "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE "
            + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
            + "WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_SCHEMA = k.TABLE_SCHEMA "
            + "AND k.REFERENCED_TABLE_NAME = k.TABLE_NAME AND r.DELETE_RULE IN ('CASCADE', 'SET NULL') "
            + "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    /** A foreign key of a table on itself: deleting a row deletes ({@code cascade}) or nulls the rows referencing it. */
    record SelfKey(String name, List<String> childColumns, List<String> parentColumns, boolean cascade) {
    }

    private final BinderRegistry binders;
    private final Map<TableId, List<SelfKey>> keys = new HashMap<>();

    public TreeCascade(BinderRegistry binders) {
        this.binders = binders;
    }

    /** Forgets what is known of a table's keys (after DDL on it). */
    public void forget(TableId table) {
        keys.remove(table);
    }

    /** Whether deleting rows of {@code table} cascades further inside it on the destination's definition. */
    public boolean isTree(Connection connection, TableId table) throws WriteException {
        return !selfKeys(connection, table).isEmpty();
    }

    /**
     * Deletes the rows whose {@code columns} equal {@code values} (codec values, bound like every cascade
     * statement), then the levels below them.
     */
    public void delete(StatementWriter writer, TableDef table, List<ColumnDef> columns, Object[] values) throws WriteException {
        Connection connection = writer.connection();
        List<SelfKey> selfKeys = selfKeys(connection, table.id());
        Deque<Level> pending = new ArrayDeque<>();
        try {
            List<List<Object>> referenced = referencedValues(connection, table.id(), selfKeys, columns.stream().map(ColumnDef::name)
                    .toList(), statement -> {
                        StatementParameters parameters = new StatementParameters(statement, binders);
                        for (int i = 0; i < columns.size(); i++) {
                            parameters.match(columns.get(i), values[i]);
                        }
                    });
            writer.execute(table, StatementKind.CASCADE, CascadeStatement.delete(table.id(), columns.stream().map(ColumnDef::name)
                    .toList()), parameters -> {
                        for (int i = 0; i < columns.size(); i++) {
                            parameters.match(columns.get(i), values[i]);
                        }
                    });
            enqueue(pending, selfKeys, referenced);
            Set<List<Object>> done = new HashSet<>();
            while (!pending.isEmpty()) {
                Level level = pending.poll();
                List<Object> visit = new ArrayList<>(level.values());
                visit.add(0, level.key().name());
                if (level.values().contains(null) || !done.add(visit)) {
                    continue;   // NULL references nothing; a value already handled is not handled twice
                }
                if (level.key().cascade()) {
                    List<List<Object>> below = referencedValues(connection, table.id(), selfKeys, level.key().childColumns(),
                            statement -> bindRaw(statement, level.values()));
                    run(connection, CascadeStatement.delete(table.id(), level.key().childColumns()), level.values(), 0);
                    enqueue(pending, selfKeys, below);
                }
                else {
                    run(connection, CascadeStatement.update(table.id(), level.key().childColumns()), level.values(),
                            level.values().size());
                }
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(table.id(), List.of(), StatementKind.CASCADE, e);
        }
    }

    private record Level(SelfKey key, List<Object> values) {
    }

    /** For each self key in order, the referenced values of each matched row: one list per row, keys concatenated. */
    private static void enqueue(Deque<Level> pending, List<SelfKey> selfKeys, List<List<Object>> rows) {
        for (List<Object> row : rows) {
            int at = 0;
            for (SelfKey key : selfKeys) {
                pending.add(new Level(key, row.subList(at, at + key.parentColumns().size())));
                at += key.parentColumns().size();
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<List<Object>> referencedValues(Connection connection, TableId table, List<SelfKey> selfKeys,
                                                      List<String> matchColumns, Binder binder) throws SQLException {
        List<String> referenced = new ArrayList<>();
        selfKeys.forEach(k -> referenced.addAll(k.parentColumns()));
        SqlBuilder sql = new SqlBuilder().sql("SELECT ").identifiers(referenced).sql(" FROM ").table(table).sql(" WHERE ");
        for (int i = 0; i < matchColumns.size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").identifier(matchColumns.get(i)).sql(" = ?");
        }
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql(" FOR UPDATE").toString())) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[referenced.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(Arrays.asList(row));
                }
            }
        }
        return rows;
    }

    /** Runs a cascade statement whose parameters are {@code nulls} NULLs (SET NULL's new values), then the values read. */
    private static void run(Connection connection, String sql, List<Object> values, int nulls) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < nulls; i++) {
                statement.setObject(i + 1, null);
            }
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(nulls + i + 1, values.get(i));
            }
            statement.executeLargeUpdate();
        }
    }

    private static void bindRaw(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    private List<SelfKey> selfKeys(Connection connection, TableId table) throws WriteException {
        List<SelfKey> known = keys.get(table);
        if (known != null) {
            return known;
        }
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SELF_KEYS)) {
            statement.setString(1, table.database());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(table, List.of(), StatementKind.CASCADE, e);
        }
        List<SelfKey> found = new ArrayList<>();
        columns.forEach((name, parts) -> found.add(new SelfKey(name, parts.stream().map(p -> p[0]).toList(),
                parts.stream().map(p -> p[1]).toList(), "CASCADE".equalsIgnoreCase(parts.get(0)[2]))));
        keys.put(table, List.copyOf(found));
        return keys.get(table);
    }
}
