package dev.ferry.core.precheck;

/**
 * What a check's result concerns, so a connector can attach it to the configuration key that fixes
 * it (each connector maps subjects to its own keys).
 */
public enum Subject {
    /** Reaching the source: host and port. */
    SOURCE_CONNECTION,
    /** The source user: authentication and grants. */
    SOURCE_USER,
    /** Settings of the source server (binlog, versions, engines). */
    SOURCE_SERVER,
    /** The server id Ferry reads the binlog with. */
    SOURCE_SERVER_ID,
    /** The selected databases and tables. */
    SELECTION,
    /** Reaching the destination. */
    DESTINATION_CONNECTION,
    /** The destination user: authentication and grants. */
    DESTINATION_USER,
    /** Settings and contents of the destination server. */
    DESTINATION_SERVER
}
