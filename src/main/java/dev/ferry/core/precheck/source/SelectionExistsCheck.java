package dev.ferry.core.precheck.source;

import dev.ferry.core.TableId;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code source.selection.exists}: every named database exists (failure), the selection holds at least
 * one table, and every include pattern matches a table (warnings).
 */
public final class SelectionExistsCheck extends Check {

    public SelectionExistsCheck() {
        super("source.selection.exists", Subject.SELECTION, "The selected databases exist and the selection holds tables");
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Set<String> visible = visibleDatabases(context);
        List<String> missing = unmatchedDatabases(context, visible);
        if (!missing.isEmpty()) {
            return fail("The selection names databases that do not exist on the source, or that "
                    + context.src().account() + " has no privilege on (such databases are invisible to it).", missing,
                    "Correct database.include.list (names are case-sensitive on Linux), or grant the user access: "
                    + String.join(" ", missing.stream().map(d -> "GRANT SELECT, SHOW VIEW ON " + quote(d) + ".* TO "
                    + context.src().account() + ";").toList()));
        }
        Set<TableId> selected = context.sourceTables().keySet();
        List<String> unmatched = unmatchedPatterns(context);
        if (selected.isEmpty()) {
            return warn("The selection holds no base table on the source: nothing would be migrated."
                    + (unmatched.isEmpty() ? "" : " The objects are the patterns of table.include.list that match no table."),
                    unmatched, "Check database.include.list, table.include.list and table.exclude.list, or acknowledge: "
                    + "precheck.acknowledged.warnings=" + id());
        }
        if (!unmatched.isEmpty()) {
            return warn("Patterns of table.include.list match no table of the selected databases (names are matched "
                    + "as database.table, case-sensitively).", unmatched, "Correct or remove them, or acknowledge if the "
                    + "tables are created later: precheck.acknowledged.warnings=" + id());
        }
        return pass(selected.size() + " tables selected in " + new TreeSet<>(selected.stream().map(TableId::database).toList())
                .size() + " databases.");
    }

    private static List<String> unmatchedPatterns(PrecheckContext context) throws SQLException {
        List<TableId> candidates = new ArrayList<>();
        try (Statement s = context.src().connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (context.selection().includesDatabase(id.database())) {
                    candidates.add(id);
                }
            }
        }
        return context.selection().tablePatterns().stream()
                .filter(p -> candidates.stream().noneMatch(id -> java.util.regex.Pattern.compile(p).matcher(id.toString()).matches()))
                .toList();
    }

    /** Patterns of database.include.list (regular expressions over the whole name) that match no visible database. */
    static List<String> unmatchedDatabases(PrecheckContext context, Set<String> visible) {
        return context.selection().databasePatterns().stream()
                .filter(p -> visible.stream().noneMatch(d -> java.util.regex.Pattern.compile(p).matcher(d).matches()))
                .sorted().toList();
    }

    private static Set<String> visibleDatabases(PrecheckContext context) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement s = context.src().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String quote(String identifier) {
        return dev.ferry.core.sql.SqlBuilder.quote(identifier);
    }
}
