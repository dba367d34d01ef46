package dev.ferry.sink.write;

/** What the sink does when a DDL statement replayed from the source fails on the destination. */
public enum DdlErrorPolicy {
    /** Stop the task with the statement and the error (the default): nothing is dropped silently. */
    FAIL,
    /** Log the statement and the error as a WARN and continue, as the managed services do. */
    SKIP
}
