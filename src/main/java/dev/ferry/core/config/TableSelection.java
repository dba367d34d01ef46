package dev.ferry.core.config;

import dev.ferry.core.TableId;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which source databases, tables and columns a migration covers. Every list holds Java regular
 * expressions matched against the whole name, case-sensitively: databases against {@code database},
 * tables against {@code database.table}, columns against {@code database.table.column}. An empty
 * include list includes everything (for databases: all but mysql, sys, information_schema and
 * performance_schema); an exclude list wins over the include list.
 */
public final class TableSelection {
    private static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "sys", "information_schema", "performance_schema");

    private final List<Pattern> databaseIncludes;
    private final List<Pattern> databaseExcludes;
    private final List<Pattern> tableIncludes;
    private final List<Pattern> tableExcludes;
    private final List<Pattern> columnIncludes;
    private final List<Pattern> columnExcludes;

    public TableSelection(List<String> databases, List<String> includePatterns, List<String> excludePatterns) {
        this(databases, List.of(), includePatterns, excludePatterns, List.of(), List.of());
    }

    public TableSelection(List<String> databaseIncludes, List<String> databaseExcludes, List<String> tableIncludes,
                          List<String> tableExcludes, List<String> columnIncludes, List<String> columnExcludes) {
        this.databaseIncludes = compile(databaseIncludes);
        this.databaseExcludes = compile(databaseExcludes);
        this.tableIncludes = compile(tableIncludes);
        this.tableExcludes = compile(tableExcludes);
        this.columnIncludes = compile(columnIncludes);
        this.columnExcludes = compile(columnExcludes);
    }

    /**
     * The database include entries as written: regular expressions, so a plain name stands for
     * itself (empty: every user database). Prefer {@link #includesDatabase} to test a name.
     */
    public Set<String> databases() {
        return Set.copyOf(databasePatterns());
    }

    /** The database include patterns as written (empty: every user database). */
    public List<String> databasePatterns() {
        return databaseIncludes.stream().map(Pattern::pattern).toList();
    }

    /** The database exclude patterns as written. */
    public List<String> databaseExcludePatterns() {
        return databaseExcludes.stream().map(Pattern::pattern).toList();
    }

    public List<String> tablePatterns() {
        return tableIncludes.stream().map(Pattern::pattern).toList();
    }

    /** Whether the whole database is selected: it is, and no table pattern narrows it. */
    public boolean selectsWholeDatabase(String database) {
        return includesDatabase(database) && tableIncludes.isEmpty() && tableExcludes.isEmpty()
                && columnIncludes.isEmpty() && columnExcludes.isEmpty();
    }

    public boolean includesDatabase(String database) {
        boolean included = databaseIncludes.isEmpty()
                ? !SYSTEM_DATABASES.contains(database.toLowerCase(java.util.Locale.ROOT))
                : matchesAny(databaseIncludes, database);
        return included && !matchesAny(databaseExcludes, database);
    }

    public boolean includes(TableId table) {
        if (!includesDatabase(table.database())) {
            return false;
        }
        String name = table.toString();
        boolean included = tableIncludes.isEmpty() || matchesAny(tableIncludes, name);
        return included && !matchesAny(tableExcludes, name);
    }

    /** Whether a column of a selected table is selected. */
    public boolean includesColumn(TableId table, String column) {
        String name = table + "." + column;
        boolean included = columnIncludes.isEmpty() || matchesAny(columnIncludes, name);
        return included && !matchesAny(columnExcludes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).map(Pattern::compile).collect(Collectors.toUnmodifiableList());
    }
}
