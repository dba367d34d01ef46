package dev.ferry.core.mapping;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.filter.BoundRowFilter;
import dev.ferry.core.schema.TableDef;

import java.util.Arrays;

/**
 * One selected source table as the destination sees it: the destination's name, only the selected
 * columns under their destination names, and only the rows the filter lets through. Row changes
 * arrive with one value per source column and leave in the destination's shape.
 */
public final class MappedTable {
    private final TableDef source;
    private final TableDef destination;
    private final int[] sourceIndexes;
    private final BoundRowFilter filter;
    private final boolean allColumns;

    MappedTable(TableDef source, TableDef destination, int[] sourceIndexes, BoundRowFilter filter) {
        this.source = source;
        this.destination = destination;
        this.sourceIndexes = sourceIndexes;
        this.filter = filter;
        boolean identity = sourceIndexes.length == source.columns().size();
        for (int i = 0; i < sourceIndexes.length && identity; i++) {
            identity = sourceIndexes[i] == i;
        }
        this.allColumns = identity;
    }

    public TableDef source() {
        return source;
    }

    public TableDef destination() {
        return destination;
    }

    /** The table's row filter, or null when every row is migrated. */
    public BoundRowFilter filter() {
        return filter;
    }

    /** Positions in the source row image of the destination's columns, in the destination's order. */
    public int[] sourceIndexes() {
        return sourceIndexes.clone();
    }

    /** Whether the row (a source image) is migrated. */
    public boolean includes(Object[] sourceImage) {
        return filter == null || filter.matches(sourceImage);
    }

    /** The destination's image of a source image: the selected columns' values, in the destination's order. */
    public Object[] project(Object[] sourceImage) {
        if (sourceImage == null) {
            return null;
        }
        if (allColumns) {
            return sourceImage;
        }
        Object[] out = new Object[sourceIndexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sourceImage[sourceIndexes[i]];
        }
        return out;
    }

    /**
     * The change the destination applies for a source change, or null when it does not concern the
     * destination. With a filter, an update that moves a row out of it becomes a delete of the old
     * row, one that moves a row into it becomes an insert of the new row, and one outside it before
     * and after is dropped. An update that changed only columns left out is dropped too: the
     * destination's row is already the same.
     */
    public RowChange map(RowChange change) {
        boolean before = change.before() != null && includes(change.before());
        boolean after = change.after() != null && includes(change.after());
        RowOp op = change.op();
        if (op == RowOp.UPDATE) {
            if (before && after) {
                Object[] oldRow = project(change.before());
                Object[] newRow = project(change.after());
                return !allColumns && Arrays.deepEquals(oldRow, newRow) ? null : new RowChange(RowOp.UPDATE, change.position(), oldRow, newRow);
            }
            if (before) {
                return new RowChange(RowOp.DELETE, change.position(), project(change.before()), null);
            }
            return after ? new RowChange(RowOp.INSERT, change.position(), null, project(change.after())) : null;
        }
        if (op == RowOp.DELETE) {
            return before ? new RowChange(op, change.position(), project(change.before()), null) : null;
        }
        return after ? new RowChange(op, change.position(), null, project(change.after())) : null;
    }

}
