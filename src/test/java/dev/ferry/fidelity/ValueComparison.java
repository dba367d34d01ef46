package dev.ferry.fidelity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares one table on two servers value by value, with SQL each server evaluates itself (never
 * Ferry's conversions): per column an expression that shows every bit of the stored value, in a
 * session at UTC. Keyed tables are compared row by row under the key; keyless tables as sorted
 * lists of rows.
 */
final class ValueComparison {
    /** One column of a table, as the source's information_schema describes it. */
    record Column(String name, String dataType) {
    }

    private static final java.util.regex.Pattern NEGATIVE_ZERO = java.util.regex.Pattern.compile("(?<![\\d.\"])-0\\.0(?![\\d.eE])");
    /** A number ending in {@code .0}, outside a word or string, as 8.0 prints an integral DOUBLE (5.7 prints {@code 1}). */
    private static final java.util.regex.Pattern POINT_ZERO = java.util.regex.Pattern.compile("(?<![\\w.\"\\\\-])(-?\\d+)\\.0(?=[,\\]} ]|$)");
    /** 5.7's empty member name in a path JSON_SEARCH returns: a '.' before the path's end, a '[' or another '.'. */
    private static final java.util.regex.Pattern EMPTY_NAME_57 = java.util.regex.Pattern.compile("\\.(?=\"|\\[|\\.)");

    private final String database;
    private final String table;
    private final List<Column> columns;
    private final boolean keyed;

    private ValueComparison(String database, String table, List<Column> columns, boolean keyed) {
        this.database = database;
        this.table = table;
        this.columns = columns;
        this.keyed = keyed;
    }

    /** The comparison of {@code table}, with its columns read from the source. */
    static ValueComparison of(Connection source, String database, String table, boolean keyed) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return new ValueComparison(database, table, columns, keyed);
    }

    /**
     * The SQL expression that shows a column's stored value exactly: numbers and temporals as the
     * server's text (doubles in their shortest round-trip form, plus the sign of zero), bits and
     * strings as hex of the stored bytes, ENUM and SET also by index, JSON as its type, its text and the paths of its string scalars,
     * geometry as hex of SRID and WKB, and 16 MB values by length and SHA-256.
     */
    static String expression(Column column) {
        String c = "`" + column.name().replace("`", "``") + "`";
        return switch (column.dataType()) {
            case "float" -> "CONCAT(" + c + " * 1e0, '|', ATAN2(" + c + ", -1e0))";
            case "double", "real" -> "CONCAT(" + c + ", '|', ATAN2(" + c + ", -1e0))";
            case "bit", "char", "varchar", "tinytext", "text", "binary", "varbinary", "tinyblob", "blob" -> "HEX(" + c + ")";
            case "enum", "set" -> "CONCAT(HEX(" + c + "), '|', " + c + " + 0)";
            case "mediumtext", "longtext", "mediumblob", "longblob" -> "CONCAT(LENGTH(" + c + "), '|', SHA2(" + c + ", 256))";
            // The paths of the string scalars tell a DATE or TIME member from a string holding the same text.
            case "json" -> "CONCAT(JSON_TYPE(" + c + "), '|', CAST(" + c + " AS CHAR), '|', IFNULL(JSON_SEARCH(" + c
                    + ", 'all', '%'), ''))";
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> "HEX(" + c + ")";
            default -> "CAST(" + c + " AS CHAR)";
        };
    }

    /** Every difference between the two servers' copies, each naming table, key, column and both values. */
    List<String> differences(Connection source, Connection destination) throws SQLException {
        List<String> differences = new ArrayList<>();
        if (!exists(destination)) {
            differences.add(table + ": no such table on the destination");
            return differences;
        }
        Map<String, String> scalarTypes = scalarTypeExpressions(source, destination);
        boolean mysql57 = source.getMetaData().getDatabaseMajorVersion() < 8 || destination.getMetaData().getDatabaseMajorVersion() < 8;
        Map<String, List<String>> expected = rows(source, scalarTypes, mysql57);
        Map<String, List<String>> actual = rows(destination, scalarTypes, mysql57);
        for (Map.Entry<String, List<String>> row : expected.entrySet()) {
            List<String> other = actual.get(row.getKey());
            if (other == null) {
                differences.add(table + " " + row.getKey() + ": missing on the destination");
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!Objects.equals(row.getValue().get(i), other.get(i))) {
                    String a = row.getValue().get(i);
                    String b = other.get(i);
                    int from = Math.max(0, firstDifference(a, b) - 100);
                    differences.add(table + " " + row.getKey() + " column " + columns.get(i).name() + ": source "
                            + shorten(from == 0 ? a : "..." + a.substring(from)) + ", destination " + shorten(from == 0 ? b : "..." + b.substring(from)));
                }
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                differences.add(table + " " + key + ": on the destination only, " + shorten(actual.get(key).toString()));
            }
        }
        return differences;
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /**
     * Per JSON column, an expression listing {@code JSON_TYPE} at every path any document of the column
     * has on either server (paths read from the documents' text by Jackson, not by Ferry), so a DECIMAL
     * 1.5 and a DOUBLE 1.5, or a DATE and a string, differ though their text is the same. Paths under an
     * empty member name are left out when either server is 5.7, whose path syntax cannot address them.
     */
    private Map<String, String> scalarTypeExpressions(Connection source, Connection destination) throws SQLException {
        Map<String, String> expressions = new LinkedHashMap<>();
        boolean emptyNames = source.getMetaData().getDatabaseMajorVersion() >= 8
                && destination.getMetaData().getDatabaseMajorVersion() >= 8;
        for (Column column : columns) {
            if (!column.dataType().equals("json")) {
                continue;
            }
            java.util.SortedSet<String> paths = new java.util.TreeSet<>();
            for (Connection connection : List.of(source, destination)) {
                for (String text : texts(connection, column)) {
                    JsonPaths.collect(text, emptyNames, paths);
                }
            }
            StringBuilder expression = new StringBuilder("CONCAT_WS(','");
            String c = "`" + column.name().replace("`", "``") + "`";
            for (String path : paths) {
                expression.append(", CONCAT('").append(sqlString(path)).append("=', IFNULL(JSON_TYPE(JSON_EXTRACT(").append(c)
                        .append(", '").append(sqlString(path)).append("')), '-'))");
            }
            // CONCAT_WS needs two arguments: a column without documents on either server has no paths.
            expressions.put(column.name(), paths.isEmpty() ? "''" : expression.append(")").toString());
        }
        return expressions;
    }

    private List<String> texts(Connection connection, Column column) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(`" + column.name().replace("`", "``") + "` AS CHAR) FROM `" + database + "`.`"
                     + table + "`")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    texts.add(rs.getString(1));
                }
            }
        }
        return texts;
    }

    private static String sqlString(String text) {
        return text.replace("\\", "\\\\").replace("'", "''");
    }

    /** The table's rows: under "id=..." for a keyed table, under "row #n" of the sorted rows otherwise. */
    private Map<String, List<String>> rows(Connection connection, Map<String, String> scalarTypes, boolean mysql57) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String expression = expression(column);
            if (scalarTypes.containsKey(column.name())) {
                // In front: sameOnEveryVersion reads the string paths after the last '|'.
                expression = "CONCAT(" + scalarTypes.get(column.name()) + ", '|', " + expression + ")";
            }
            sql.append(i == 0 ? "" : ", ").append(expression);
        }
        sql.append(" FROM `").append(database).append("`.`").append(table).append("`");
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(sameOnEveryVersion(columns.get(i - 1), rs.getString(i), mysql57));
                    }
                    rows.add(row);
                }
            }
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        if (keyed) {
            rows.forEach(row -> byKey.put("id=" + row.get(0), row));
            return byKey;
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        for (int i = 0; i < rows.size(); i++) {
            byKey.put("row #" + (i + 1) + " (n=" + rows.get(i).get(0) + ")", rows.get(i));
        }
        return Collections.unmodifiableMap(byKey);
    }

    /**
     * MySQL 5.7 prints the JSON double -0.0 as {@code -0}, 8.0 as {@code -0.0}: both are that double
     * (JSON in MySQL has no integer -0), so both are shown as {@code -0}. A lost sign still shows as 0.
     * With a 5.7 server on either side, every number written {@code n.0} is shown as {@code n}: 5.7
     * prints the double 1.0 as {@code 1} (the types at each path, compared too, still tell a DOUBLE from
     * an INTEGER). In the paths {@code JSON_SEARCH} returns, 5.7 writes an empty member name as
     * {@code .} alone, 8.0 as {@code .""}: both are shown as 8.0 writes it.
     */
    private static String sameOnEveryVersion(Column column, String value, boolean mysql57) {
        if (value == null || !column.dataType().equals("json")) {
            return value;
        }
        int paths = value.lastIndexOf('|');
        String searched = EMPTY_NAME_57.matcher(value.substring(paths)).replaceAll(".\\\\\"\\\\\"");
        String text = NEGATIVE_ZERO.matcher(value.substring(0, paths)).replaceAll("-0");
        return (mysql57 ? POINT_ZERO.matcher(text).replaceAll("$1") : text) + searched;
    }

    /** Where two values first differ: 0 when either is null. */
    private static int firstDifference(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String shorten(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.length() <= 300 ? "'" + value + "'" : "'" + value.substring(0, 300) + "...' (" + value.length() + " chars)";
    }
}
