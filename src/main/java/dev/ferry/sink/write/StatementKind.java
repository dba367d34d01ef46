package dev.ferry.sink.write;

/** What the sink was doing when a write failed; named in error messages. */
public enum StatementKind {
    /** REPLACE of the last state of keyed rows. */
    UPSERT("upsert"),
    /** DELETE by key, or of one keyless row. */
    DELETE("delete"),
    /** INSERT of keyless rows. */
    INSERT("insert"),
    /** UPDATE of one keyless row. */
    UPDATE("update"),
    /** DELETE or UPDATE of child rows by their referencing columns, repeating a source cascade. */
    CASCADE("cascade"),
    /** DELETE of every row when a new snapshot attempt starts. */
    DELETE_ALL("delete all rows"),
    /** CREATE DATABASE / CREATE TABLE of a missing destination table. */
    CREATE_TABLE("create table"),
    /** A DDL statement of the schema step (the source's CREATE DATABASE or CREATE TABLE, mapped). */
    CREATE_SCHEMA("create schema"),
    /** A DDL statement replayed from the source's binlog. */
    DDL("ddl"),
    /** CREATE FUNCTION of a function that makes JSON TIMESTAMP and opaque scalars, in the state database. */
    CREATE_FUNCTION("create function"),
    /** The lookup whether a destination table exists. */
    CHECK_TABLE("check table"),
    /** Reading or writing the progress table, or creating it. */
    PROGRESS("progress"),
    /** Committing the transaction. */
    COMMIT("commit"),
    /** Obtaining or preparing the connection. */
    CONNECT("connect");

    private final String label;

    StatementKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
