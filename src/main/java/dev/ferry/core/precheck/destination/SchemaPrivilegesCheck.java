package dev.ferry.core.precheck.destination;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.AccountPrivileges;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.SchemaObjects;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code destination.privileges.schema}: the destination user holds, on each destination database, the
 * privileges schema migration needs for the objects actually selected: REFERENCES for foreign keys,
 * CREATE VIEW for views, CREATE ROUTINE and ALTER ROUTINE for procedures and functions, TRIGGER for
 * triggers, EVENT for events (schema.events), and ALTER, INDEX and DROP for replaying DDL during
 * incremental sync. Read from the account's grants ({@link AccountPrivileges}); CREATE and the row
 * privileges are {@code destination.privileges}'.
 */
public final class SchemaPrivilegesCheck extends Check {
    /** Report and GRANT order. */
    private static final List<String> ORDER = List.of("ALTER", "INDEX", "DROP", "REFERENCES", "CREATE VIEW", "CREATE ROUTINE",
            "ALTER ROUTINE", "TRIGGER", "EVENT");

    public SchemaPrivilegesCheck() {
        super("destination.privileges.schema", Subject.DESTINATION_USER, "The destination user has the privileges schema "
                + "migration needs for the selected objects (REFERENCES, CREATE VIEW, CREATE/ALTER ROUTINE, TRIGGER, EVENT; "
                + "ALTER, INDEX, DROP for DDL replay)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Map<String, Map<String, String>> needed = needed(context);
        AccountPrivileges held = AccountPrivileges.read(context.dst().connection(), context.dst().account());
        String account = context.dst().account();
        List<String> objects = new ArrayList<>();
        List<String> grants = new ArrayList<>();
        needed.forEach((database, privileges) -> {
            List<String> lacking = ORDER.stream().filter(privileges::containsKey).filter(p -> !held.holds(database, p)).toList();
            if (!lacking.isEmpty()) {
                objects.add(database + " (" + String.join(", ", lacking.stream().map(p -> p + " for " + privileges.get(p)).toList()) + ")");
                grants.add("GRANT " + String.join(", ", lacking) + " ON " + SqlBuilder.quote(database) + ".* TO " + account + ";");
            }
        });
        if (needed.isEmpty()) {
            return pass("The selection needs no privilege beyond destination.privileges' on the destination.");
        }
        if (objects.isEmpty()) {
            return pass(account + " holds what schema migration needs on " + String.join(", ", needed.keySet()) + ".");
        }
        return fail(account + " lacks privileges schema migration needs on " + objects.size() + " destination databases: "
                + "creating the objects would fail (privileges held only through roles are not counted).", objects,
                String.join(" ", grants));
    }

    /** Per destination database, each privilege needed and what it is needed for. */
    private static Map<String, Map<String, String>> needed(PrecheckContext context) throws SQLException {
        Map<String, Map<String, String>> needed = new TreeMap<>();
        SchemaObjects objects = context.schemaObjects();
        if (context.includes(MigrationType.INCREMENTAL)) {
            for (TableId table : context.sourceTables().keySet()) {
                Map<String, String> privileges = forDatabase(needed, context.destinationName(table).database());
                privileges.put("ALTER", "DDL replay");
                privileges.put("INDEX", "DDL replay");
                privileges.put("DROP", "DDL replay");
            }
        }
        for (ForeignKey key : objects.foreignKeys()) {
            if (context.isTableSelected(key.child()) && context.isTableSelected(key.parent())
                    && key.childColumns().stream().allMatch(c -> context.isColumnSelected(key.child(), c))) {
                forDatabase(needed, context.destinationName(key.child()).database()).put("REFERENCES", "foreign keys");
            }
        }
        objects.views().forEach(v -> forDatabase(needed, context.destinationName(v.id()).database()).put("CREATE VIEW", "views"));
        for (SchemaObjects.Routine routine : objects.routines()) {
            Map<String, String> privileges = forDatabase(needed, context.destinationName(routine.id()).database());
            privileges.put("CREATE ROUTINE", "procedures and functions");
            privileges.put("ALTER ROUTINE", "procedures and functions");
        }
        objects.triggers().forEach(t -> forDatabase(needed, context.destinationName(t.table()).database()).put("TRIGGER", "triggers"));
        objects.events().forEach(e -> forDatabase(needed, context.destinationName(e).database()).put("EVENT", "events"));
        return needed;
    }

    private static Map<String, String> forDatabase(Map<String, Map<String, String>> needed, String database) {
        return needed.computeIfAbsent(database, d -> new LinkedHashMap<>());
    }
}
