package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a table on two servers with SQL each server evaluates itself, never through Ferry's
 * conversions: every row is reduced by the server to a digest of its columns' text (hex-encoded,
 * NULL marked), and the two sorted lists of digests must be equal, duplicates included.
 */
public final class TableComparison {
    private static final int UNKNOWN_DATABASE = 1049;
    private static final int UNKNOWN_TABLE = 1146;

    /** The outcome for one table. */
    public record Result(String table, long sourceRows, long destinationRows, boolean equal, String firstDifference) {
        @Override
        public String toString() {
            return String.format("%-28s source %,9d rows   destination %,9d rows   %s", table, sourceRows, destinationRows,
                    equal ? "EQUAL" : "DIFFERENT (" + firstDifference + ")");
        }
    }

    private TableComparison() {
    }

    public static Result compare(Connection source, Connection destination, String database, String table) throws SQLException {
        utc(source);
        utc(destination);
        String digestSql = digestSql(source, database, table);
        List<String> left = digests(source, digestSql);
        List<String> right = digests(destination, digestSql);
        String difference = null;
        for (int i = 0; i < Math.max(left.size(), right.size()) && difference == null; i++) {
            String l = i < left.size() ? left.get(i) : "(none)";
            String r = i < right.size() ? right.get(i) : "(none)";
            if (!l.equals(r)) {
                difference = "row " + i + " of the sorted digests: " + l + " vs " + r;
            }
        }
        return new Result(database + "." + table, left.size(), right.size(), difference == null, difference);
    }

    /** The digest query, built from the source's column list (generated columns included). */
    static String digestSql(Connection source, String database, String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = "`" + rs.getString(1).replace("`", "``") + "`";
                    parts.add("IFNULL(HEX(CAST(" + column + " AS CHAR)), 'NULL')");
                }
            }
        }
        if (parts.isEmpty()) {
            throw new SQLException("Table " + database + "." + table + " does not exist on the source");
        }
        return "SELECT SHA2(CONCAT_WS(',', " + String.join(", ", parts) + "), 256) AS d FROM `"
                + database.replace("`", "``") + "`.`" + table.replace("`", "``") + "` ORDER BY d";
    }

    /** TIMESTAMP text depends on the session's zone; compare in one. */
    private static void utc(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SET time_zone = '+00:00'")) {
            ps.execute();
        }
    }

    /** The sorted row digests; none when the database or table does not exist (yet). */
    private static List<String> digests(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_DATABASE && e.getErrorCode() != UNKNOWN_TABLE) {
                throw e;
            }
        }
        return out;
    }
}
