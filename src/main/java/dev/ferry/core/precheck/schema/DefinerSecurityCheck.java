package dev.ferry.core.precheck.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.DefinitionText;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.SchemaObjects;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code schema.objects.definer}: views and routines that run with their definer's rights
 * ({@code SQL SECURITY DEFINER}, MySQL's default) are created with {@code SQL SECURITY INVOKER} and without
 * a definer, so on the destination they run with the caller's privileges. Users who relied on the
 * definer's need grants of their own: WARN, naming each object and the GRANT it needs.
 */
public final class DefinerSecurityCheck extends Check {
    private static final String CALLER = "'<each user calling it>'@'%'";

    public DefinerSecurityCheck() {
        super("schema.objects.definer", Subject.SELECTION, "No migrated view or routine relies on its definer's rights "
                + "(SQL SECURITY DEFINER becomes INVOKER on the destination)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        SchemaObjects objects = context.schemaObjects();
        List<String> found = new ArrayList<>();
        Set<String> grants = new LinkedHashSet<>();
        for (SchemaObjects.View view : objects.views()) {
            if (view.definerSecurity()) {
                found.add("view " + view.id());
                for (TableId read : DefinitionText.qualifiedReferences(view.definition())) {
                    if (!read.database().toLowerCase(Locale.ROOT).equals("information_schema")) {
                        grants.add("GRANT SELECT ON " + new SqlBuilder().table(context.destinationName(read)) + " TO " + CALLER + ";");
                    }
                }
            }
        }
        for (SchemaObjects.Routine routine : objects.routines()) {
            if (routine.definerSecurity()) {
                found.add(routine.describe() + " (definer " + routine.definer() + ")");
                grants.add("GRANT EXECUTE ON " + routine.type().toUpperCase(Locale.ROOT) + " "
                        + new SqlBuilder().table(context.destinationName(routine.id())) + " TO " + CALLER + ";");
            }
        }
        if (found.isEmpty()) {
            return pass("No migrated view or routine runs with its definer's rights.");
        }
        return warn(found.size() + " views and routines run with their definer's rights on the source (SQL SECURITY DEFINER). Ferry "
                + "creates them with SQL SECURITY INVOKER and no definer, so on the destination they run with the privileges of "
                + "the user calling them: a user that may call them but not read the tables they use is refused there.", found,
                "After the migration, grant each user calling them what they use: " + String.join(" ", grants)
                + " (plus INSERT, UPDATE, DELETE on the tables the routines write); then acknowledge: "
                + "precheck.acknowledged.warnings=" + id());
    }
}
