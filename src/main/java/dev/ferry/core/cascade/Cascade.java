package dev.ferry.core.cascade;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;

import java.util.List;

/**
 * What one parent row change did to the child rows of one foreign key on the source, where the
 * binlog does not show it: the child rows whose referencing columns equal {@code oldValues} were
 * deleted ({@link RowOp#DELETE}), or their referencing columns were set to {@code newValues}
 * ({@link RowOp#UPDATE}; all null for SET NULL).
 *
 * @param key the foreign key
 * @param op DELETE or UPDATE
 * @param oldValues the referenced values before the change, one per column of the key, none null
 * @param newValues for UPDATE the values the referencing columns take, else null
 */
public record Cascade(ForeignKey key, RowOp op, Object[] oldValues, Object[] newValues) {

    /**
     * The cascade as a change of the child's destination table: a row image holding only the
     * referencing columns (the rows to match) and, for UPDATE, one with their new values. The
     * sink matches on {@code columns} and writes only them.
     *
     * @param child the child's destination definition
     * @param columns the referencing columns' destination names, in key order
     */
    public RowChange toChildChange(TableDef child, List<String> columns, SourcePosition position) {
        Object[] before = new Object[child.columns().size()];
        Object[] after = op == RowOp.UPDATE ? new Object[before.length] : null;
        for (int i = 0; i < columns.size(); i++) {
            int index = child.indexOf(columns.get(i));
            if (index < 0) {
                throw new IllegalArgumentException("Column " + columns.get(i) + " is not a column of " + child.id());
            }
            before[index] = oldValues[i];
            if (after != null) {
                after[index] = newValues[i];
            }
        }
        return new RowChange(op, position, before, after);
    }
}
