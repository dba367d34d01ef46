package dev.ferry.sink.buffer;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
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
    /**
     * Snapshot rows, in order, while nothing but snapshot rows arrived: a consistent snapshot holds
     * every key once, so there is nothing to reduce and no key to hash. The first other change moves
     * them into {@link #lastState}.
     */
    private final List<Object[]> reads = new ArrayList<>();

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
        if (change.op() == RowOp.READ && lastState.isEmpty()) {
            if (change.after() == null) {
                throw new IllegalArgumentException("A change to " + table.id() + " lacks the row image its operation needs");
            }
            reads.add(change.after());
            return;
        }
        if (!reads.isEmpty()) {
            for (Object[] image : reads) {
                record(key(image), image);
            }
            reads.clear();
        }
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
        if (!reads.isEmpty()) {
            ReducedChanges snapshot = new ReducedChanges(List.of(), reads);
            reads.clear();
            return snapshot;
        }
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
        return lastState.isEmpty() && reads.isEmpty();
    }

    @Override
    public void clear() {
        lastState.clear();
        reads.clear();
    }

    @Override
    public int appendedRows() {
        return reads.size();
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
