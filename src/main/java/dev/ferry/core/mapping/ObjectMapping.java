package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.filter.BoundRowFilter;
import dev.ferry.core.filter.FilterException;
import dev.ferry.core.filter.RowFilter;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a migration copies and what everything is called on the destination: the selection of
 * databases, tables and columns, the name rules and the row filters. Immutable; every phase
 * (schema, snapshot, binlog, DDL, precheck, verification) asks it the same questions.
 */
public final class ObjectMapping {
    /** Setting keys of the selection, for messages. */
    public static final String DATABASE_INCLUDE_KEY = "database.include.list";
    public static final String TABLE_INCLUDE_KEY = "table.include.list";
    public static final String COLUMN_KEYS = "column.include.list / column.exclude.list";
    public static final String COLUMN_EXCLUDE_KEY = "column.exclude.list";

    private final TableSelection selection;
    private final NameRules names;
    private final Map<TableId, RowFilter> filters;

    public ObjectMapping(TableSelection selection, NameRules names, Map<TableId, RowFilter> filters) {
        this.selection = selection;
        this.names = names;
        this.filters = Map.copyOf(filters);
    }

    /** Everything selected by {@code selection}, under the source's names, unfiltered. */
    public static ObjectMapping of(TableSelection selection) {
        return new ObjectMapping(selection, NameRules.identity(), Map.of());
    }

    public TableSelection selection() {
        return selection;
    }

    public NameRules names() {
        return names;
    }

    public boolean isDatabaseSelected(String database) {
        return selection.includesDatabase(database);
    }

    /**
     * Whether the database is selected as a whole, so its views, procedures, functions and triggers
     * belong to the migration too. Selecting single tables or columns selects none of those.
     */
    public boolean isWholeDatabaseSelected(String database) {
        return selection.selectsWholeDatabase(database) && filters.keySet().stream().noneMatch(t -> t.database().equals(database));
    }

    public boolean isTableSelected(TableId table) {
        return selection.includes(table);
    }

    public boolean isColumnSelected(TableId table, String column) {
        return selection.includesColumn(table, column);
    }

    public String destinationDatabase(String sourceDatabase) {
        return names.destinationDatabase(sourceDatabase);
    }

    public TableId destinationOf(TableId source) {
        return names.destinationOf(source);
    }

    public String destinationColumn(TableId table, String column) {
        return names.destinationColumn(table, column);
    }

    /** The selected columns of a table, in the source's order. */
    public List<ColumnDef> selectedColumns(TableId table, List<ColumnDef> columns) {
        return columns.stream().filter(c -> isColumnSelected(table, c.name())).toList();
    }

    public Optional<RowFilter> rowFilter(TableId table) {
        return Optional.ofNullable(filters.get(table));
    }

    /** The tables that have a row filter. */
    public java.util.Set<TableId> filteredTables() {
        return filters.keySet();
    }

    /**
     * The destination's view of a selected source table.
     *
     * @throws MappingException when a key column is left out, a generated column needs a column that is
     *         left out or renamed, two columns get one name, a name is invalid on MySQL, or the filter
     *         cannot be evaluated on this table
     */
    public MappedTable map(TableDef source) {
        TableId id = source.id();
        TableId destinationId = destinationOf(id);
        checkName(NameRules.DATABASES_KEY, "database " + id.database(), destinationId.database());
        checkName(NameRules.TABLES_KEY, "table " + id, destinationId.table());
        List<ColumnDef> columns = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < source.columns().size(); i++) {
            ColumnDef column = source.columns().get(i);
            if (!isColumnSelected(id, column.name())) {
                continue;
            }
            String name = destinationColumn(id, column.name());
            checkName(NameRules.COLUMNS_KEY, "column " + id + "." + column.name(), name);
            String other = taken.put(name.toLowerCase(Locale.ROOT), column.name());
            if (other != null) {
                throw new MappingException(NameRules.COLUMNS_KEY, "Columns " + id + "." + other + " and " + id + "." + column.name()
                        + " both map to destination column " + name + " of " + destinationId
                        + " (MySQL column names ignore case); rename one of them in " + NameRules.COLUMNS_KEY + ".");
            }
            columns.add(renamed(column, name));
            indexes.add(i);
        }
        List<String> keys = new ArrayList<>();
        for (String key : source.keyColumns()) {
            if (!isColumnSelected(id, key)) {
                throw new MappingException(COLUMN_EXCLUDE_KEY, "Column " + id + "." + key + " is part of the key Ferry uses to "
                        + "identify rows of " + id + " and cannot be left out; change " + COLUMN_KEYS + " so it is selected.");
            }
            keys.add(destinationColumn(id, key));
        }
        checkGeneratedColumns(source, columns);
        if (columns.isEmpty()) {
            throw new MappingException(COLUMN_EXCLUDE_KEY, "No column of " + id + " is selected; select some or exclude the table.");
        }
        TableDef destination = new TableDef(destinationId, columns, keys);
        return new MappedTable(source, destination, indexes.stream().mapToInt(Integer::intValue).toArray(), boundFilter(source));
    }

    /**
     * Every problem with the selection, mapping and filters, checked against the selected tables of the
     * live source: unknown objects named in the settings, two tables mapped to one destination table,
     * invalid names, excluded key columns and filters Ferry cannot evaluate.
     *
     * @param databases every database on the source
     * @param tables every base table on the source
     * @param selected the definitions of the selected tables
     */
    public List<MappingProblem> check(List<String> databases, java.util.Collection<TableId> tables, List<TableDef> selected) {
        return new MappingCheck(this, databases, tables, selected).problems();
    }

    private BoundRowFilter boundFilter(TableDef source) {
        RowFilter filter = filters.get(source.id());
        if (filter == null) {
            return null;
        }
        try {
            return filter.bind(source);
        }
        catch (FilterException e) {
            throw new MappingException(RowFilters.KEY, "The filter of " + source.id() + " (" + filter.text() + ") cannot be used: "
                    + e.getMessage());
        }
    }

    /** A generated column's expression names source columns, so they must reach the destination unrenamed. */
    private void checkGeneratedColumns(TableDef source, List<ColumnDef> selected) {
        for (ColumnDef column : selected) {
            if (!column.generated()) {
                continue;
            }
            String expression = column.generationExpression().toLowerCase(Locale.ROOT);
            for (ColumnDef other : source.columns()) {
                String quoted = "`" + other.name().toLowerCase(Locale.ROOT) + "`";
                boolean used = expression.contains(quoted);
                boolean intact = isColumnSelected(source.id(), other.name())
                        && destinationColumn(source.id(), other.name()).equals(other.name());
                if (used && !intact) {
                    throw new MappingException(NameRules.COLUMNS_KEY, "Generated column " + source.id() + "." + column.name()
                            + " is computed from " + other.name() + ", which is left out or renamed; exclude "
                            + column.name() + " too, or keep " + other.name() + " under its name.");
                }
            }
        }
    }

    private static ColumnDef renamed(ColumnDef c, String name) {
        return name.equals(c.name()) ? c
                : new ColumnDef(name, c.dataType(), c.columnType(), c.charset(), c.collation(), c.nullable(),
                        c.generationExpression(), c.generatedStored());
    }

    static void checkName(String key, String what, String name) {
        String problem = MySqlNames.problem(name);
        if (problem != null) {
            throw new MappingException(key, "The destination name '" + name + "' of " + what + " is not valid on MySQL: "
                    + problem + ". Change it in " + key + " (or mapping.table.prefix / mapping.table.suffix).");
        }
    }
}
