package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.AccountPrivileges;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A privilege without which MySQL hides a kind of object from the source user altogether, so Ferry could
 * not even tell they exist: TRIGGER for triggers ({@code source.privilege.triggers}), EVENT for events
 * ({@code source.privilege.events}, only with schema.events). Read from the user's global and database
 * grants, for every database selected as a whole.
 */
public final class HiddenObjectsPrivilegeCheck extends Check {
    private final String privilege;
    private final String kind;
    private final boolean onlyWithEvents;

    private HiddenObjectsPrivilegeCheck(String id, String privilege, String kind, boolean onlyWithEvents) {
        super(id, Subject.SOURCE_USER, "The source user has " + privilege + " on the databases selected as a whole, without which "
                + "MySQL hides their " + kind + (onlyWithEvents ? " (with schema.events)" : ""));
        this.privilege = privilege;
        this.kind = kind;
        this.onlyWithEvents = onlyWithEvents;
    }

    /** {@code source.privilege.triggers}. */
    public static HiddenObjectsPrivilegeCheck triggers() {
        return new HiddenObjectsPrivilegeCheck("source.privilege.triggers", "TRIGGER", "triggers", false);
    }

    /** {@code source.privilege.events}. */
    public static HiddenObjectsPrivilegeCheck events() {
        return new HiddenObjectsPrivilegeCheck("source.privilege.events", "EVENT", "events", true);
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        if (onlyWithEvents && !context.migratesEvents()) {
            return pass("Events are not migrated (schema.events=false), so none need reading.");
        }
        Set<String> databases = new TreeSet<>();
        context.sourceTables().keySet().stream().map(t -> t.database()).filter(context::isWholeDatabaseSelected).forEach(databases::add);
        String account = context.src().account();
        AccountPrivileges held = AccountPrivileges.read(context.src().connection(), account);
        List<String> lacking = databases.stream().filter(d -> !held.holds(d, privilege)).toList();
        if (databases.isEmpty()) {
            return pass("No database is selected as a whole, so no " + kind + " are migrated.");
        }
        if (lacking.isEmpty()) {
            return pass(account + " has " + privilege + " on " + String.join(", ", databases) + ".");
        }
        return fail(account + " lacks " + privilege + " on " + lacking.size() + " databases selected as a whole: MySQL hides "
                + "their " + kind + " from it, so they would not be migrated (privileges held only through roles or on single "
                + "tables are not counted).", lacking, String.join(" ", lacking.stream()
                .map(d -> "GRANT " + privilege + " ON " + SqlBuilder.quote(d) + ".* TO " + account + ";").toList()));
    }
}
