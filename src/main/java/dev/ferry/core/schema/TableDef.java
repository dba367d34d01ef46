package dev.ferry.core.schema;

import dev.ferry.core.TableId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table's columns, in their ordinal order, and its row identity: the primary key, or else the
 * first unique index whose columns are all NOT NULL. A table with neither is keyless.
 */
public final class TableDef {
    private final TableId id;
    private final List<ColumnDef> columns;
    private final List<String> keyColumns;
    private final int[] keyIndexes;
    private final Map<String, Integer> indexByName;

    public TableDef(TableId id, List<ColumnDef> columns, List<String> keyColumns) {
        this.id = Objects.requireNonNull(id, "id");
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            indexByName.put(this.columns.get(i).name(), i);
        }
        this.keyIndexes = new int[this.keyColumns.size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            Integer index = indexByName.get(this.keyColumns.get(i));
            if (index == null) {
                throw new IllegalArgumentException("Key column " + this.keyColumns.get(i) + " is not a column of " + id);
            }
            keyIndexes[i] = index;
        }
    }

    public TableId id() {
        return id;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public boolean keyless() {
        return keyColumns.isEmpty();
    }

    /** Positions of the key columns in {@link #columns()}. */
    public int[] keyIndexes() {
        return keyIndexes.clone();
    }

    /** The position of a column, or -1. */
    public int indexOf(String column) {
        Integer index = indexByName.get(column);
        return index == null ? -1 : index;
    }

    /** A copy of this definition under another table id. */
    public TableDef withId(TableId other) {
        return new TableDef(other, columns, keyColumns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableDef that && id.equals(that.id) && columns.equals(that.columns)
                && keyColumns.equals(that.keyColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, columns, keyColumns);
    }

    @Override
    public String toString() {
        return id + columns.stream().map(ColumnDef::name).toList().toString();
    }
}
