package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks an {@link ObjectMapping} against the live source's databases and tables: renamed objects exist
 * and are selected, and no two source tables map to one destination table. Whether the include patterns
 * match anything is the precheck's {@code source.selection.exists}, where a warning can be acknowledged.
 */
final class MappingCheck {
    private final ObjectMapping mapping;
    private final List<String> databases;
    private final Set<TableId> allTables;
    private final Map<TableId, TableDef> tables = new TreeMap<>();
    private final List<MappingProblem> problems = new ArrayList<>();

    MappingCheck(ObjectMapping mapping, List<String> databases, Collection<TableId> allTables, List<TableDef> selected) {
        this.mapping = mapping;
        this.databases = databases;
        this.allTables = new TreeSet<>(allTables);
        selected.forEach(t -> this.tables.put(t.id(), t));
    }

    List<MappingProblem> problems() {
        checkRenamedObjects();
        Map<TableId, TableId> byDestination = new HashMap<>();
        for (TableDef table : tables.values()) {
            try {
                TableId destination = mapping.map(table).destination().id();
                TableId other = byDestination.put(destination, table.id());
                if (other != null) {
                    add(NameRules.TABLES_KEY, "Source tables " + other + " and " + table.id() + " both map to destination table "
                            + destination + "; rename one of them in " + NameRules.TABLES_KEY + " or " + NameRules.DATABASES_KEY + ".");
                }
            }
            catch (MappingException e) {
                add(e.configKey(), e.getMessage());
            }
        }
        return problems;
    }

    private void checkRenamedObjects() {
        for (String database : mapping.names().databaseRenames().keySet()) {
            if (!databases.contains(database) || !mapping.isDatabaseSelected(database)) {
                add(NameRules.DATABASES_KEY, "Database " + database + " in " + NameRules.DATABASES_KEY + " is "
                        + (databases.contains(database) ? "not selected" : "not on the source") + "; remove the entry or fix its name.");
            }
        }
        for (TableId table : mapping.names().renamedTables()) {
            requireSelectedTable(NameRules.TABLES_KEY, table);
        }
        for (TableId table : mapping.filteredTables()) {
            requireSelectedTable(RowFilters.KEY, table);
        }
        mapping.names().columnRenames().forEach((table, columns) -> {
            if (requireSelectedTable(NameRules.COLUMNS_KEY, table)) {
                Set<String> names = tables.get(table).columns().stream().map(ColumnDef::name).collect(Collectors.toSet());
                for (String column : columns.keySet()) {
                    if (!names.contains(column)) {
                        add(NameRules.COLUMNS_KEY, "Table " + table + " has no column " + column + " (named in "
                                + NameRules.COLUMNS_KEY + "); its columns are " + names + ".");
                    }
                    else if (!mapping.isColumnSelected(table, column)) {
                        add(NameRules.COLUMNS_KEY, "Column " + table + "." + column + " is renamed in " + NameRules.COLUMNS_KEY
                                + " but not selected; select it or remove the rename.");
                    }
                }
            }
        });
    }

    private boolean requireSelectedTable(String key, TableId table) {
        if (tables.containsKey(table) && mapping.isTableSelected(table)) {
            return true;
        }
        add(key, "Table " + table + " named in " + key + " is " + (allTables.contains(table) ? "not selected"
                : "not a table of the selected databases on the source") + "; fix the name (database.table, case-sensitive) "
                + "or select the table.");
        return false;
    }

    private void add(String key, String message) {
        problems.add(new MappingProblem(key, message));
    }
}
