package dev.ferry.core.precheck;

import dev.ferry.core.TableId;

import java.util.List;
import java.util.Optional;

/**
 * A base table as {@code information_schema} describes it.
 *
 * @param engine storage engine, e.g. InnoDB
 * @param bytes data and index length
 * @param collation the table's default collation
 * @param keyColumns the row identity: the primary key, else the first unique key on NOT NULL columns; empty when none
 */
public record CatalogTable(TableId id, String engine, long bytes, String collation, List<CatalogColumn> columns,
                           List<String> keyColumns) {

    public CatalogTable {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    public boolean keyless() {
        return keyColumns.isEmpty();
    }

    /** The column named {@code name}, compared as MySQL compares column names (case-insensitively). */
    public Optional<CatalogColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
