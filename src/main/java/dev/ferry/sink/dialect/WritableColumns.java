package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns Ferry writes and matches on: every column of a table except generated ones, which
 * the destination computes itself and refuses values for.
 */
public final class WritableColumns {
    private final List<ColumnDef> columns;
    private final int[] indexes;

    private WritableColumns(List<ColumnDef> columns, int[] indexes) {
        this.columns = List.copyOf(columns);
        this.indexes = indexes;
    }

    public static WritableColumns of(TableDef table) {
        List<ColumnDef> kept = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef column = table.columns().get(i);
            if (!column.generated()) {
                kept.add(column);
                positions.add(i);
            }
        }
        return new WritableColumns(kept, positions.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return columns.size();
    }

    public ColumnDef column(int i) {
        return columns.get(i);
    }

    /** The position in the full row image of the {@code i}-th writable column. */
    public int imageIndex(int i) {
        return indexes[i];
    }

    public List<String> names() {
        return columns.stream().map(ColumnDef::name).toList();
    }
}
