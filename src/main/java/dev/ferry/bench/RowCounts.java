package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code COUNT(*)} of each table of a database; a missing table counts 0. */
record RowCounts(Map<String, Long> counts) {

    static RowCounts of(MySqlServer server, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = server.openConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                        + database + "' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return of(server, database, tables);
    }

    static RowCounts of(MySqlServer server, String database, List<String> tables) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = server.openConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM `" + database + "`.`" + table + "`")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                } catch (SQLException e) {
                    counts.put(table, 0L);
                }
            }
        }
        return new RowCounts(counts);
    }

    List<String> tables() {
        return new ArrayList<>(counts.keySet());
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
