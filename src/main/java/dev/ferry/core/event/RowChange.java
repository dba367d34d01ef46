package dev.ferry.core.event;

/**
 * One row's change. Images hold one value per column of the batch's table, in column order, each
 * of the Java type its {@link dev.ferry.core.schema.ValueKind} names (or null for SQL NULL).
 *
 * @param op what happened
 * @param position where the change sits in the binlog; null for snapshot rows
 * @param before the row before the change (UPDATE, DELETE), else null
 * @param after the row after the change (READ, INSERT, UPDATE), else null
 */
public record RowChange(RowOp op, SourcePosition position, Object[] before, Object[] after) {

    public static RowChange read(Object[] row) {
        return new RowChange(RowOp.READ, null, null, row);
    }

    /** The image that identifies the row on the destination before this change applies. */
    public Object[] identityImage() {
        return before != null ? before : after;
    }
}
