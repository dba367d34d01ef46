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
    /** Returned when the scan did not finish within the precheck's scan budget. */
    public static final String UNVERIFIED = "not verified: the scan exceeded the precheck's time limit";
    private static final int QUERY_TIMEOUT = 3024;

    private RowLocator() {
    }

    /**
     * @param condition SQL built with {@link SqlBuilder} (quoted identifiers, no user values)
     * @return the row's key as {@code id=42}, {@code "a row"} for a keyless table, {@link #UNVERIFIED}
     *         when the scan budget ran out first, or null when no row matches
     */
    public static String first(PrecheckContext context, CatalogTable table, String condition) throws SQLException {
        Long limitMs = context.remainingScanMillis();
        if (limitMs != null && limitMs <= 0) {
            return UNVERIFIED;
        }
        SqlBuilder sql = new SqlBuilder().sql("SELECT ");
        if (limitMs != null) {
            // Honored by MySQL 5.7.8 and later; other servers read it as a comment.
            sql.sql("/*+ MAX_EXECUTION_TIME(" + limitMs + ") */ ");
        }
        if (table.keyless()) {
            sql.sql("1");
        }
        else {
            sql.identifiers(table.keyColumns());
        }
        sql.sql(" FROM ").table(table.id()).sql(" WHERE ").sql(condition).sql(" LIMIT 1");
        Connection connection = context.src().connection();
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
        catch (SQLException e) {
            if (e.getErrorCode() == QUERY_TIMEOUT) {
                return UNVERIFIED;
            }
            throw e;
        }
    }
}
