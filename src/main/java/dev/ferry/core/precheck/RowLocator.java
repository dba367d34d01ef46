package dev.ferry.core.precheck;

import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds one row of a table matching a condition, with {@code LIMIT 1}, and names it by its key
 * (never by the values that matched, which may be personal data).
 */
public final class RowLocator {

    private RowLocator() {
    }

    /**
     * @param condition SQL built with {@link SqlBuilder} (quoted identifiers, no user values)
     * @return the row's key as {@code id=42}, {@code "a row"} for a keyless table, or null when no row matches
     */
    public static String first(Connection connection, CatalogTable table, String condition) throws SQLException {
        SqlBuilder sql = new SqlBuilder().sql("SELECT ");
        if (table.keyless()) {
            sql.sql("1");
        }
        else {
            sql.identifiers(table.keyColumns());
        }
        sql.sql(" FROM ").table(table.id()).sql(" WHERE ").sql(condition).sql(" LIMIT 1");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            if (!rs.next()) {
                return null;
            }
            if (table.keyless()) {
                return "a row (the table has no key)";
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < table.keyColumns().size(); i++) {
                parts.add(table.keyColumns().get(i) + "=" + rs.getString(i + 1));
            }
            return "row " + String.join(", ", parts);
        }
    }
}
