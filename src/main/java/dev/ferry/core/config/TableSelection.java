package dev.ferry.core.config;

import dev.ferry.core.TableId;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which source tables a migration covers: the tables of the included databases that match an
 * include pattern (all, when there is none) and no exclude pattern. Patterns are Java regular
 * expressions matched against the whole {@code database.table} name, as in Debezium.
 */
public final class TableSelection {
    private static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "sys", "information_schema", "performance_schema");

    private final Set<String> databases;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public TableSelection(List<String> databases, List<String> includePatterns, List<String> excludePatterns) {
        this.databases = Set.copyOf(databases);
        this.includes = compile(includePatterns);
        this.excludes = compile(excludePatterns);
    }

    public Set<String> databases() {
        return databases;
    }

    /** The include patterns, as written. */
    public List<String> includePatterns() {
        return includes.stream().map(Pattern::pattern).toList();
    }

    public boolean includesDatabase(String database) {
        return databases.isEmpty() ? !SYSTEM_DATABASES.contains(database.toLowerCase()) : databases.contains(database);
    }

    public boolean includes(TableId table) {
        if (!includesDatabase(table.database())) {
            return false;
        }
        String name = table.toString();
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(name).matches());
        return included && excludes.stream().noneMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).map(Pattern::compile).collect(Collectors.toUnmodifiableList());
    }
}
