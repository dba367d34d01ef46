package dev.ferry.sink.dialect;

/** Counts the tables named by two parameters, database then table: 1 if it exists, else 0. */
public final class TableExistsQuery {
    public static final String SQL =
            "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    private TableExistsQuery() {
    }
}
