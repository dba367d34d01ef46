package dev.ferry.sink.buffer;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyless table's changes, every one in source order: without a key there is nothing to reduce
 * by, and two identical rows must stay two rows.
 */
public final class KeylessBuffer implements TableBuffer {
    private final TableDef table;
    private final List<RowChange> changes = new ArrayList<>();

    private final boolean keepExisting;

    KeylessBuffer(TableDef table, boolean keepExisting) {
        this.table = table;
        this.keepExisting = keepExisting;
    }

    @Override
    public TableDef table() {
        return table;
    }

    @Override
    public boolean keepsExisting() {
        return keepExisting;
    }

    @Override
    public void add(RowChange change) {
        changes.add(change);
    }

    /** Returns the changes in order and empties the buffer. */
    public List<RowChange> drain() {
        List<RowChange> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    @Override
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    @Override
    public void clear() {
        changes.clear();
    }
}
