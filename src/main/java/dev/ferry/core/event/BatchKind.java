package dev.ferry.core.event;

/** What a {@link ChangeBatch} carries. */
public enum BatchKind {
    /** Row changes: snapshot rows (with a snapshot id and chunk number) or binlog changes. */
    ROWS,
    /**
     * A table's snapshot starts under a new snapshot id. The destination discards rows an earlier,
     * unfinished attempt at the same table left behind.
     */
    SNAPSHOT_BEGIN,
    /** A table's snapshot is complete; binlog changes at or before its watermark are already in it. */
    SNAPSHOT_END,
    /**
     * The table's schema, ahead of its SNAPSHOT_BEGIN under the same snapshot id: DDL statements
     * (CREATE DATABASE, CREATE TABLE), already under destination names, that the destination runs
     * when the table does not exist yet.
     */
    SCHEMA,
    /**
     * Binlog changes that a cascading foreign key made to rows on the source, which the binlog does not
     * contain. A first level: each row deletes the destination rows whose {@link ChangeBatch#cascadeColumns()}
     * equal its before image's values, or (UPDATE) sets those columns to its after image's values. A level
     * below the first has one row without images, for its position, and takes its rows from the cascade
     * ledger entry its {@link ChangeBatch#cascadeStep()} names. Either way the step says how the cascade
     * continues (see {@link CascadeStep}).
     */
    CASCADE,
    /**
     * The views, procedures, functions and triggers of a database selected as a whole, with the
     * CREATE statements of its tables ahead of them (so the objects find them whichever topic the
     * destination reads first). The table is a placeholder named {@link ChangeBatch#OBJECTS_TABLE}.
     */
    OBJECTS,
    /**
     * A DDL statement from the binlog, already under destination names ({@link ChangeBatch#statements()}),
     * at its binlog position ({@link ChangeBatch#watermark()}), on the topic of the table it changes, so
     * it applies after every earlier change of the table and before every later one.
     */
    DDL
}
