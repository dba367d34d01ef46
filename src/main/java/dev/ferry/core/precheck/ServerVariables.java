package dev.ferry.core.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Reads global server variables, telling a variable the server does not have from an error. */
public final class ServerVariables {
    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private ServerVariables() {
    }

    /** {@code @@GLOBAL.name}, or null when the server has no such variable. */
    public static String global(Connection connection, String name) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a variable name: " + name);
        }
        // A variable name cannot be a placeholder; it is checked against [a-z0-9_]+ above.
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL." + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
        catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE) {
                return null;
            }
            throw e;
        }
    }

    /** A global variable read as a number; {@code fallback} when the server does not have it. */
    public static long globalLong(Connection connection, String name, long fallback) throws SQLException {
        String value = global(connection, name);
        return value == null ? fallback : Long.parseLong(value.trim());
    }

    /** Whether an ON/OFF (or 1/0) variable is on; false when the server does not have it. */
    public static boolean isOn(Connection connection, String name) throws SQLException {
        String value = global(connection, name);
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
    }
}
