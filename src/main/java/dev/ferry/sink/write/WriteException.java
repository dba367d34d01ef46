package dev.ferry.sink.write;

import dev.ferry.core.TableId;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A failed write to the destination, described by table, statement kind, MySQL error code and the
 * server's message with row values redacted. The original SQLException is not kept as the cause,
 * because its message can hold row values; the cause is a copy with the redacted message and the
 * original stack trace.
 */
public final class WriteException extends Exception {
    private final TableId table;
    private final StatementKind kind;
    private final ErrorKind errorKind;

    private WriteException(TableId table, StatementKind kind, ErrorKind errorKind, String message, SQLException cause) {
        super(message, cause);
        this.table = table;
        this.kind = kind;
        this.errorKind = errorKind;
    }

    /**
     * A server error.
     *
     * @param identifiers names that may appear quoted in the message: the table's column names
     */
    public static WriteException of(TableId table, Collection<String> identifiers, StatementKind kind, SQLException error) {
        String message = redacted(error, table, identifiers);
        return new WriteException(table, kind, ErrorKind.of(error), describe(table, kind, error, message),
                sanitized(error, message));
    }

    /** A permanent failure that is not a server error, such as an unexpected update count. */
    public static WriteException permanent(TableId table, StatementKind kind, String reason) {
        return new WriteException(table, kind, ErrorKind.PERMANENT,
                kind.label() + " on " + quoted(table) + " failed: " + reason, null);
    }

    public TableId table() {
        return table;
    }

    public StatementKind kind() {
        return kind;
    }

    public boolean isTransient() {
        return errorKind == ErrorKind.TRANSIENT;
    }

    private static String redacted(SQLException error, TableId table, Collection<String> identifiers) {
        List<String> names = new ArrayList<>(identifiers);
        if (table != null) {
            names.add(table.table());
            names.add(table.database());
            names.add(table.database() + "." + table.table());
            names.add(table.table() + ".PRIMARY");
        }
        return RedactedServerMessage.of(error.getMessage(), names);
    }

    private static String describe(TableId table, StatementKind kind, SQLException error, String message) {
        return kind.label() + " on " + quoted(table) + " failed: MySQL error " + error.getErrorCode()
                + " (SQLState " + error.getSQLState() + "): " + message;
    }

    private static String quoted(TableId table) {
        return table == null ? "the destination" : "`" + table.database() + "`.`" + table.table() + "`";
    }

    private static SQLException sanitized(SQLException error, String message) {
        SQLException copy = new SQLException(error.getClass().getSimpleName() + ": " + message,
                error.getSQLState(), error.getErrorCode());
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }
}
