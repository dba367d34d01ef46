package dev.ferry.core.config;

/** What a migration does when a selected table already exists on the destination under its destination name. */
public enum ConflictPolicy {
    /** Refuse to start: the precheck fails and lists the tables (the cloud services' "Precheck and Report Errors"). */
    FAIL,
    /** Start anyway and write into the existing tables; the precheck reports the tables as a warning. */
    PROCEED
}
