package dev.ferry.core.cascade;

import dev.ferry.core.TableId;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the child row changes InnoDB carries out for a parent row change (ON DELETE / ON UPDATE
 * CASCADE or SET NULL), which the binlog does not contain. Only foreign keys whose child table and
 * referencing columns are migrated count: the others have no rows on the destination to change.
 * Works on the source's row images, before row filters and column selection apply, because the
 * source's cascade did not depend on them.
 */
public final class CascadePlanner {
    private final Map<TableId, List<ForeignKey>> byParent = new HashMap<>();

    public CascadePlanner(List<ForeignKey> keys, ObjectMapping mapping) {
        for (ForeignKey key : keys) {
            boolean migrated = mapping.isTableSelected(key.child())
                    && key.childColumns().stream().allMatch(c -> mapping.isColumnSelected(key.child(), c));
            if (key.changesChildren() && migrated) {
                byParent.computeIfAbsent(key.parent(), t -> new ArrayList<>()).add(key);
            }
        }
    }

    /** Whether changes to {@code parent} can change rows of a migrated child table. */
    public boolean hasChildren(TableId parent) {
        return byParent.containsKey(parent);
    }

    /**
     * The cascades of one change of a parent row; a key change that Debezium splits into a delete and
     * an insert must be given as one UPDATE (before of the delete, after of the insert).
     *
     * @param parent the parent's source definition (the images' shape)
     */
    public List<Cascade> cascades(TableDef parent, RowChange change) {
        List<ForeignKey> keys = byParent.get(parent.id());
        if (keys == null || change.before() == null || change.op() == RowOp.INSERT) {
            return List.of();
        }
        List<Cascade> out = new ArrayList<>();
        for (ForeignKey key : keys) {
            Object[] old = referenced(parent, key, change.before());
            if (old == null || Arrays.asList(old).contains(null)) {
                continue;   // NULL references nothing
            }
            if (change.op() == RowOp.DELETE) {
                switch (key.onDelete()) {
                    case CASCADE -> out.add(new Cascade(key, RowOp.DELETE, old, null));
                    case SET_NULL -> out.add(new Cascade(key, RowOp.UPDATE, old, new Object[old.length]));
                    case NONE -> { }
                }
                continue;
            }
            Object[] updated = referenced(parent, key, change.after());
            if (updated == null || Arrays.deepEquals(old, updated)) {
                continue;
            }
            switch (key.onUpdate()) {
                case CASCADE -> out.add(new Cascade(key, RowOp.UPDATE, old, updated));
                case SET_NULL -> out.add(new Cascade(key, RowOp.UPDATE, old, new Object[old.length]));
                case NONE -> { }
            }
        }
        return out;
    }

    private static Object[] referenced(TableDef parent, ForeignKey key, Object[] image) {
        Object[] values = new Object[key.parentColumns().size()];
        for (int i = 0; i < values.length; i++) {
            int index = parent.indexOf(key.parentColumns().get(i));
            if (index < 0) {
                return null;
            }
            values[i] = image[index];
        }
        return values;
    }
}
