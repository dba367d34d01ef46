package dev.ferry.core.precheck;

/** The MySQL-family server a connection reached, as far as the server reveals it. */
public enum ServerFlavor {
    MYSQL("MySQL"),
    AURORA_MYSQL("Amazon Aurora MySQL"),
    POLARDB_MYSQL("PolarDB for MySQL"),
    POLARDB_X("PolarDB-X"),
    MARIADB("MariaDB");

    private final String displayName;

    ServerFlavor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
