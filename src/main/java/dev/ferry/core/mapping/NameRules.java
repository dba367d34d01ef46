package dev.ferry.core.mapping;

import dev.ferry.core.TableId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How source names become destination names. An explicit rename is used exactly as written. Every
 * other name is derived: a table keeps its name (with the prefix and suffix added) in its database's
 * destination database; a column keeps its name; derived names are spelled by the case policy.
 */
public final class NameRules {
    /** Setting keys, for messages that point at the setting to change. */
    public static final String DATABASES_KEY = "mapping.databases";
    public static final String TABLES_KEY = "mapping.tables";
    public static final String COLUMNS_KEY = "mapping.columns";

    private final Map<String, String> databases;
    private final Map<TableId, TableRename> tables;
    private final Map<TableId, Map<String, String>> columns;
    private final String prefix;
    private final String suffix;
    private final NameCase nameCase;

    /** A table's explicit destination: {@code database} is null when only the table is renamed. */
    record TableRename(String database, String table) {
    }

    private NameRules(Map<String, String> databases, Map<TableId, TableRename> tables, Map<TableId, Map<String, String>> columns,
                      String prefix, String suffix, NameCase nameCase) {
        this.databases = Map.copyOf(databases);
        this.tables = Map.copyOf(tables);
        this.columns = Map.copyOf(columns);
        this.prefix = Objects.requireNonNull(prefix);
        this.suffix = Objects.requireNonNull(suffix);
        this.nameCase = Objects.requireNonNull(nameCase);
    }

    /** No renames: every destination name is the source's. */
    public static NameRules identity() {
        return new NameRules(Map.of(), Map.of(), Map.of(), "", "", NameCase.KEEP);
    }

    /**
     * Parses the settings. {@code databases}: {@code src:dst,...}; {@code tables}:
     * {@code db.t:dstdb.dstt} or {@code db.t:dstt}; {@code columns}: {@code db.t.c:dstc}.
     *
     * @throws MappingException naming the setting and the entry that is wrong
     */
    public static NameRules parse(String databases, String tables, String columns, String prefix, String suffix, NameCase nameCase) {
        Map<String, String> databaseMap = new HashMap<>();
        for (QualifiedNames.Pair pair : pairs(DATABASES_KEY, databases)) {
            requireParts(DATABASES_KEY, pair, 1, 1, 1, "source_database:destination_database");
            putOnce(DATABASES_KEY, databaseMap, pair.source().get(0), pair.destination().get(0));
        }
        Map<TableId, TableRename> tableMap = new HashMap<>();
        for (QualifiedNames.Pair pair : pairs(TABLES_KEY, tables)) {
            requireParts(TABLES_KEY, pair, 2, 1, 2, "database.table:destination_database.destination_table");
            List<String> d = pair.destination();
            TableRename rename = d.size() == 2 ? new TableRename(d.get(0), d.get(1)) : new TableRename(null, d.get(0));
            putOnce(TABLES_KEY, tableMap, new TableId(pair.source().get(0), pair.source().get(1)), rename);
        }
        Map<TableId, Map<String, String>> columnMap = new HashMap<>();
        for (QualifiedNames.Pair pair : pairs(COLUMNS_KEY, columns)) {
            requireParts(COLUMNS_KEY, pair, 3, 1, 1, "database.table.column:destination_column");
            TableId table = new TableId(pair.source().get(0), pair.source().get(1));
            putOnce(COLUMNS_KEY, columnMap.computeIfAbsent(table, t -> new HashMap<>()), pair.source().get(2), pair.destination().get(0));
        }
        columnMap.replaceAll((t, m) -> Map.copyOf(m));
        return new NameRules(databaseMap, tableMap, columnMap, prefix == null ? "" : prefix, suffix == null ? "" : suffix, nameCase);
    }

    public String destinationDatabase(String source) {
        String explicit = databases.get(source);
        return explicit != null ? explicit : nameCase.apply(source);
    }

    public TableId destinationOf(TableId source) {
        TableRename rename = tables.get(source);
        if (rename == null) {
            return new TableId(destinationDatabase(source.database()), prefix + nameCase.apply(source.table()) + suffix);
        }
        String database = rename.database() != null ? rename.database() : destinationDatabase(source.database());
        return new TableId(database, rename.table());
    }

    public String destinationColumn(TableId table, String column) {
        String explicit = columns.getOrDefault(table, Map.of()).get(column);
        return explicit != null ? explicit : nameCase.apply(column);
    }

    /** The databases renamed explicitly, source to destination. */
    public Map<String, String> databaseRenames() {
        return databases;
    }

    /** The tables renamed explicitly. */
    public java.util.Set<TableId> renamedTables() {
        return tables.keySet();
    }

    /** The columns renamed explicitly, per table, source name to destination name. */
    public Map<TableId, Map<String, String>> columnRenames() {
        return columns;
    }

    private static List<QualifiedNames.Pair> pairs(String key, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return QualifiedNames.pairs(text);
        }
        catch (IllegalArgumentException e) {
            throw new MappingException(key, key + ": " + e.getMessage());
        }
    }

    private static void requireParts(String key, QualifiedNames.Pair pair, int source, int minDestination, int maxDestination,
                                     String form) {
        int d = pair.destination().size();
        if (pair.source().size() != source || d < minDestination || d > maxDestination) {
            throw new MappingException(key, key + ": '" + String.join(".", pair.source()) + ":" + String.join(".", pair.destination())
                    + "' is not of the form " + form + " (quote names holding dots, commas or colons in backticks)");
        }
    }

    private static <K, V> void putOnce(String key, Map<K, V> map, K source, V destination) {
        if (map.put(source, destination) != null) {
            throw new MappingException(key, key + ": " + source + " is renamed twice; keep one entry for it");
        }
    }
}
