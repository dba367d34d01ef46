package dev.ferry.sink.buffer;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a keyed table's changes to the last state of each key. An update that changes the key
 * removes the old key and writes the new one. Deletes go first when written, so a key that collides
 * with another under the column collation (case, trailing spaces) still ends up right: every key
 * whose last state is a row is written after every delete.
 */
public final class KeyedBuffer implements TableBuffer {
    private final TableDef table;
    private final int[] keyIndexes;
    /** The last row image per key, in order of the key's last change; a null image means deleted. */
    private final Map<RowKey, Object[]> lastState = new LinkedHashMap<>();

    private final boolean keepExisting;

    KeyedBuffer(TableDef table, boolean keepExisting) {
        this.table = table;
        this.keepExisting = keepExisting;
        this.keyIndexes = table.keyIndexes();
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
        switch (change.op()) {
            case READ, INSERT -> record(key(change.after()), change.after());
            case UPDATE -> {
                RowKey before = key(change.before());
                RowKey after = key(change.after());
                if (!before.equals(after)) {
                    record(before, null);
                }
                record(after, change.after());
            }
            case DELETE -> record(key(change.before()), null);
        }
    }

    /** Returns the reduced changes and empties the buffer. */
    public ReducedChanges drain() {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> upserts = new ArrayList<>();
        lastState.forEach((key, image) -> {
            if (image == null) {
                deletes.add(key.values());
            }
            else {
                upserts.add(image);
            }
        });
        lastState.clear();
        return new ReducedChanges(deletes, upserts);
    }

    @Override
    public boolean isEmpty() {
        return lastState.isEmpty();
    }

    @Override
    public void clear() {
        lastState.clear();
    }

    private RowKey key(Object[] image) {
        if (image == null) {
            throw new IllegalArgumentException("A change to " + table.id() + " lacks the row image its operation needs");
        }
        return RowKey.of(image, keyIndexes);
    }

    private void record(RowKey key, Object[] image) {
        // Removing first moves the key to the end: upserts are written in order of each key's last change.
        lastState.remove(key);
        lastState.put(key, image);
    }
}
