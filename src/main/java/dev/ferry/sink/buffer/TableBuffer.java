package dev.ferry.sink.buffer;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.schema.TableDef;

/**
 * The changes to one destination table that are waiting to be written in the current transaction.
 * A keyed table's buffer keeps only the last state per key; a keyless table's keeps every change
 * in order.
 */
public sealed interface TableBuffer permits KeyedBuffer, KeylessBuffer {

    /** The destination table's definition every buffered change was made under. */
    TableDef table();

    void add(RowChange change);

    boolean isEmpty();

    /**
     * How many rows the buffer holds that only append to what it wrote before: snapshot rows that
     * arrived before any other change. Writing them before the commit, in the same transaction,
     * leaves the same result and keeps fewer rows in memory.
     */
    default int appendedRows() {
        return 0;
    }

    void clear();

    /**
     * Whether the buffered rows leave alone a destination row they collide with on a unique key
     * (snapshot rows under conflict policy {@code proceed}) instead of replacing it.
     */
    boolean keepsExisting();

    static TableBuffer of(TableDef table) {
        return of(table, false);
    }

    static TableBuffer of(TableDef table, boolean keepExisting) {
        return table.keyless() ? new KeylessBuffer(table, keepExisting) : new KeyedBuffer(table, keepExisting);
    }
}
