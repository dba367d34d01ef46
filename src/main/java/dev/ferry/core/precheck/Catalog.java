package dev.ferry.core.precheck;

import dev.ferry.core.TableId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reads the base tables of a server that a predicate selects, with columns and row identity, in three queries. */
public final class Catalog {
    private static final String SYSTEM = "('mysql', 'sys', 'information_schema', 'performance_schema')";
    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE, IFNULL(DATA_LENGTH, 0) + IFNULL(INDEX_LENGTH, 0), "
            + "TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN " + SYSTEM;
    private static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, "
            + "COLLATION_NAME, IS_NULLABLE, GENERATION_EXPRESSION, CHARACTER_OCTET_LENGTH FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA NOT IN " + SYSTEM + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";
    private static final String UNIQUE_INDEXES = "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART "
            + "FROM information_schema.STATISTICS WHERE NON_UNIQUE = 0 AND TABLE_SCHEMA NOT IN " + SYSTEM
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME <> 'PRIMARY', INDEX_NAME, SEQ_IN_INDEX";
    private static final long LARGE = 4L * 1024 * 1024 * 1024;

    private Catalog() {
    }

    public static Map<TableId, CatalogTable> read(Connection connection, Predicate<TableId> selected) throws SQLException {
        Map<TableId, String[]> tables = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (selected.test(id)) {
                    tables.put(id, new String[] {rs.getString(3), Long.toString(rs.getLong(4)), rs.getString(5)});
                }
            }
        }
        Map<TableId, List<CatalogColumn>> columns = columns(connection, tables);
        Map<TableId, CatalogTable> result = new TreeMap<>();
        Map<TableId, List<String>> keys = rowIdentities(connection, tables, columns);
        tables.forEach((id, t) -> result.put(id, new CatalogTable(id, t[0] == null ? "" : t[0], Long.parseLong(t[1]), t[2],
                columns.getOrDefault(id, List.of()), keys.getOrDefault(id, List.of()))));
        return result;
    }

    private static Map<TableId, List<CatalogColumn>> columns(Connection connection, Map<TableId, String[]> tables) throws SQLException {
        Map<TableId, List<CatalogColumn>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (tables.containsKey(id)) {
                    String dataType = rs.getString(4).toLowerCase(Locale.ROOT);
                    long octets = rs.getLong(10);
                    long maxBytes = rs.wasNull() ? estimatedBytes(dataType) : octets;
                    String generation = rs.getString(9);
                    columns.computeIfAbsent(id, k -> new ArrayList<>()).add(new CatalogColumn(rs.getString(3), dataType,
                            rs.getString(5), rs.getString(6), rs.getString(7), "YES".equals(rs.getString(8)),
                            generation == null || generation.isEmpty() ? null : generation, maxBytes));
                }
            }
        }
        return columns;
    }

    private static long estimatedBytes(String dataType) {
        return switch (dataType) {
            case "json", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                 "geometrycollection", "geomcollection" -> LARGE;
            case "decimal" -> 66;
            default -> 16;
        };
    }

    /** Per table: the primary key, else the first unique index whose columns are all NOT NULL, stored and unprefixed. */
    private static Map<TableId, List<String>> rowIdentities(Connection connection, Map<TableId, String[]> tables,
                                                            Map<TableId, List<CatalogColumn>> columns) throws SQLException {
        Map<TableId, Map<String, List<String>>> indexes = new LinkedHashMap<>();
        Map<TableId, Map<String, Boolean>> usable = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(UNIQUE_INDEXES)) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (!tables.containsKey(id)) {
                    continue;
                }
                String index = rs.getString(3);
                String column = rs.getString(4);
                indexes.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(index, k -> new ArrayList<>()).add(column);
                boolean ok = column != null && rs.getObject(5) == null && columns.getOrDefault(id, List.of()).stream()
                        .anyMatch(c -> c.name().equals(column) && !c.nullable() && !c.generated());
                usable.computeIfAbsent(id, k -> new LinkedHashMap<>()).merge(index, ok, Boolean::logicalAnd);
            }
        }
        Map<TableId, List<String>> keys = new LinkedHashMap<>();
        indexes.forEach((id, byName) -> byName.entrySet().stream()
                .filter(e -> usable.get(id).get(e.getKey()))
                .findFirst()
                .ifPresent(e -> keys.put(id, e.getValue())));
        return keys;
    }
}
