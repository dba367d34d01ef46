package dev.ferry.source.catalog;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads table definitions from the source's {@code information_schema}. */
public final class TableCatalog {

    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
            + "WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String DATABASES = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME";
    private static final String COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, "
            + "IS_NULLABLE, GENERATION_EXPRESSION, EXTRA FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    private static final String INDEXES = "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME <> 'PRIMARY', INDEX_NAME, SEQ_IN_INDEX";

    private TableCatalog() {
    }

    /** The selected base tables, in name order. */
    public static List<TableId> selectedTables(Connection connection, TableSelection selection) throws SQLException {
        return allTables(connection).stream().filter(selection::includes).toList();
    }

    /** Every base table on the server, in name order. */
    public static List<TableId> allTables(Connection connection) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new TableId(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    /** Every database on the server, in name order. */
    public static List<String> databases(Connection connection) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(DATABASES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        return databases;
    }

    /** The table's definition, or null when it does not exist. */
    public static TableDef read(Connection connection, TableId id) throws SQLException {
        List<ColumnDef> columns = readColumns(connection, id);
        if (columns.isEmpty()) {
            return null;
        }
        return new TableDef(id, columns, rowIdentity(connection, id, columns));
    }

    private static List<ColumnDef> readColumns(Connection connection, TableId id) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, id.database());
            ps.setString(2, id.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(8) == null ? "" : rs.getString(8).toUpperCase(Locale.ROOT);
                    // MySQL 8.0 shows the quotes of string literals in GENERATION_EXPRESSION escaped with a backslash.
                    String generation = extra.contains("GENERATED") ? rs.getString(7).replace("\\'", "'") : null;
                    columns.add(new ColumnDef(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3),
                            rs.getString(4), rs.getString(5), "YES".equals(rs.getString(6)), generation, extra.contains("STORED")));
                }
            }
        }
        return columns;
    }

    /** The primary key, else the first unique index on NOT NULL columns without prefixes, else none. */
    private static List<String> rowIdentity(Connection connection, TableId id, List<ColumnDef> columns) throws SQLException {
        Map<String, List<String>> uniqueIndexes = new LinkedHashMap<>();
        Map<String, Boolean> usable = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(INDEXES)) {
            ps.setString(1, id.database());
            ps.setString(2, id.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) != 0) {
                        continue;
                    }
                    String index = rs.getString(1);
                    String column = rs.getString(3);
                    uniqueIndexes.computeIfAbsent(index, k -> new ArrayList<>()).add(column);
                    boolean ok = column != null && rs.getObject(4) == null && isNotNull(columns, column);
                    usable.merge(index, ok, Boolean::logicalAnd);
                }
            }
        }
        return uniqueIndexes.entrySet().stream()
                .filter(e -> usable.get(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
    }

    private static boolean isNotNull(List<ColumnDef> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name) && !c.nullable() && !c.generated());
    }
}
