package dev.ferry.core.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An open connection to one side of a migration, with what the precheck needs to say about it.
 *
 * @param connection the connection the checks query; owned by whoever opened it
 * @param server flavor and version
 * @param where {@code host:port}, for messages
 * @param account the account the server authenticated, {@code 'user'@'host'} as GRANT statements name it
 */
public record Endpoint(Connection connection, ServerInfo server, String where, String account) {

    /** Detects the server and the authenticated account on an open connection. */
    public static Endpoint of(Connection connection, String where) throws SQLException {
        ServerInfo server = ServerInfo.detect(connection);
        String current;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            current = rs.getString(1);
        }
        int at = current.lastIndexOf('@');
        String account = at < 0 ? "'" + current + "'" : "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
        try (Statement s = connection.createStatement()) {
            // Checks compare dates and read statistics; neither may be refused or stale because of session defaults.
            s.execute("SET SESSION sql_mode = ''");
        }
        if (server.atLeast(8, 0, 3) && server.flavor() != ServerFlavor.MARIADB) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION information_schema_stats_expiry = 0");
            }
        }
        return new Endpoint(connection, server, where, account);
    }
}
