package dev.ferry.core.precheck;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How to reach one server for a precheck.
 *
 * @param opener opens a new connection (the precheck closes it)
 * @param where {@code host:port}, for messages
 * @param user the configured user name, for messages
 * @param check reports the connection's result
 */
public record Side(Opener opener, String where, String user, ConnectionCheck check) {

    /** Opens a JDBC connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }
}
