package dev.ferry.core.cascade;

import dev.ferry.core.TableId;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the child row changes InnoDB carries out for a parent row change (ON DELETE / ON UPDATE
 * CASCADE or SET NULL), which the binlog does not contain. Only foreign keys whose child table and
 * referencing columns are migrated count: the others have no rows on the destination to change.
 * Works on the source's row images, before row filters and column selection apply, because the
 * source's cascade did not depend on them.
 *
 * <p>{@link #chain} follows a cascade past its first level: the rows a level changes can be referenced
 * by another table's cascading keys (parent -> child -> grandchild) or by the table's own (a tree). The
 * sink reads those rows' referenced values on the destination, so a level continues only through keys
 * whose referenced columns are migrated too.
 */
public final class CascadePlanner {
    /** InnoDB stops a cascade deeper than this many levels (it refuses the parent change instead). */
    public static final int MAX_DEPTH = 15;

    private final Map<TableId, List<ForeignKey>> byParent = new HashMap<>();
    private final Set<ForeignKey> followable = new HashSet<>();

    public CascadePlanner(List<ForeignKey> keys, ObjectMapping mapping) {
        for (ForeignKey key : keys) {
            boolean migrated = mapping.isTableSelected(key.child())
                    && key.childColumns().stream().allMatch(c -> mapping.isColumnSelected(key.child(), c));
            if (key.changesChildren() && migrated) {
                byParent.computeIfAbsent(key.parent(), t -> new ArrayList<>()).add(key);
                if (mapping.isTableSelected(key.parent())
                        && key.parentColumns().stream().allMatch(c -> mapping.isColumnSelected(key.parent(), c))) {
                    followable.add(key);
                }
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

    /**
     * Every level of the cascades of one parent change, breadth first: the first levels as {@link #cascades}
     * finds them, then for each step the steps of the tables whose keys reference the rows it changes,
     * one per table. Each first or deeper level of a table also fires the table's keys on itself, which the
     * sink follows inside the step. Which action a key takes depends only on whether the level deletes rows
     * or changes columns the key references, so the chain is known without the rows.
     */
    public List<ChainStep> chain(TableDef parent, RowChange change) {
        List<ChainStep> steps = new ArrayList<>();
        Deque<Pending> queue = new ArrayDeque<>();
        for (Cascade cascade : cascades(parent, change)) {
            Effect effect = cascade.op() == RowOp.DELETE ? Effect.DELETE : Effect.updating(cascade.key().childColumns());
            queue.add(new Pending(-1, cascade.key().child(), cascade, List.of(), effect, 1));
        }
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            List<ForeignKey> selfKeys = new ArrayList<>();
            Effect effect = closeOverSelf(next.table(), next.effect(), selfKeys);
            Map<TableId, List<ForeignKey>> below = new LinkedHashMap<>();
            if (next.level() < MAX_DEPTH) {
                for (ForeignKey key : byParent.getOrDefault(next.table(), List.of())) {
                    if (!key.child().equals(next.table()) && followable.contains(key) && effect.fires(key)) {
                        below.computeIfAbsent(key.child(), t -> new ArrayList<>()).add(key);
                    }
                }
            }
            Set<String> recorded = new LinkedHashSet<>();
            below.values().forEach(keys -> keys.forEach(k -> recorded.addAll(k.parentColumns())));
            int index = steps.size();
            steps.add(new ChainStep(next.parent(), next.table(), next.first(), next.keys(), selfKeys, List.copyOf(recorded),
                    next.level()));
            below.forEach((child, keys) -> queue.add(new Pending(index, child, null, keys, Effect.through(keys, effect),
                    next.level() + 1)));
        }
        return steps;
    }

    /** The effect on {@code table} once its own keys have fired as far as they go; adds the keys that fire. */
    private Effect closeOverSelf(TableId table, Effect effect, List<ForeignKey> fired) {
        List<ForeignKey> selfKeys = byParent.getOrDefault(table, List.of()).stream()
                .filter(k -> k.child().equals(table) && followable.contains(k)).toList();
        Effect closed = effect;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ForeignKey key : selfKeys) {
                if (!fired.contains(key) && closed.fires(key)) {
                    fired.add(key);
                    closed = closed.and(Effect.through(List.of(key), closed));
                    grew = true;
                }
            }
        }
        fired.sort(Comparator.comparingInt(selfKeys::indexOf));
        return closed;
    }

    private record Pending(int parent, TableId table, Cascade first, List<ForeignKey> keys, Effect effect, int level) {
    }

    /**
     * What a level does to its table's rows: deletes some, or changes some columns of some (SET NULL and ON
     * UPDATE CASCADE change the referencing columns), or both through different keys.
     */
    record Effect(boolean deletes, Set<String> updated) {
        static final Effect DELETE = new Effect(true, Set.of());

        static Effect updating(Collection<String> columns) {
            return new Effect(false, Set.copyOf(columns));
        }

        /** Whether a key referencing this level's table changes rows of its child. */
        boolean fires(ForeignKey key) {
            return deletes && key.onDelete() != ForeignKey.Action.NONE
                    || key.onUpdate() != ForeignKey.Action.NONE && key.parentColumns().stream().anyMatch(updated::contains);
        }

        Effect and(Effect other) {
            Set<String> columns = new LinkedHashSet<>(updated);
            columns.addAll(other.updated);
            return new Effect(deletes || other.deletes, Set.copyOf(columns));
        }

        /** The effect on the children of {@code keys} (all of one child table) of this effect on their parent. */
        static Effect through(List<ForeignKey> keys, Effect parent) {
            Effect out = new Effect(false, Set.of());
            for (ForeignKey key : keys) {
                if (parent.deletes && key.onDelete() == ForeignKey.Action.CASCADE) {
                    out = out.and(DELETE);
                }
                if (parent.deletes && key.onDelete() == ForeignKey.Action.SET_NULL
                        || key.onUpdate() != ForeignKey.Action.NONE && key.parentColumns().stream().anyMatch(parent.updated::contains)) {
                    out = out.and(updating(key.childColumns()));
                }
            }
            return out;
        }
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
