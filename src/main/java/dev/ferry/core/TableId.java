package dev.ferry.core;

import java.util.Objects;

/** A table named by its database and its name, exactly as the server spells them. */
public record TableId(String database, String table) implements Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    /** Parses {@code db.table}; the first dot separates the two parts. */
    public static TableId parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            throw new IllegalArgumentException("'" + qualified + "' is not a table name of the form database.table");
        }
        return new TableId(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public int compareTo(TableId other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
