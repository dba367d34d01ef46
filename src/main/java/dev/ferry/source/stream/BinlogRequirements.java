package dev.ferry.source.stream;

import org.apache.kafka.connect.errors.ConnectException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Source settings the binlog stream depends on beyond those Debezium checks itself (ROW format,
 * FULL row image). Checked before streaming starts, so a migration stops with the fix instead of
 * losing changes.
 */
public final class BinlogRequirements {

    private BinlogRequirements() {
    }

    public static void check(Connection connection, String source) throws SQLException {
        if ("1".equals(variable(connection, "binlog_transaction_compression"))) {
            // Events inside a compressed transaction payload carry no binlog position of their own,
            // so their changes could not be told apart when the sink skips what it already applied.
            throw new ConnectException("The source " + source + " has binlog_transaction_compression=ON, which Ferry "
                    + "cannot read exactly. Run SET PERSIST binlog_transaction_compression = OFF on the source (it applies "
                    + "to new sessions) and restart the connector.");
        }
    }

    /** The global variable's value, or null when the server does not have it (older versions). */
    private static String variable(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL." + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
        catch (SQLException e) {
            if (e.getErrorCode() == 1193) {
                return null;
            }
            throw e;
        }
    }
}
