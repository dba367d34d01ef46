package dev.ferry.core.precheck.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.DefinitionText;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.SchemaObjects;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.schema.ForeignKey;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code schema.references.outside}: views and foreign keys of the migrated objects that reference a
 * table or view outside the selection. The destination refuses such a view (the sink logs and skips it),
 * and such a foreign key is not created; both are named here before data moves (WARN: the rows are right,
 * the object is missing).
 */
public final class OutsideReferencesCheck extends Check {
    private static final Set<String> SYSTEM = Set.of("mysql", "sys", "information_schema", "performance_schema");

    public OutsideReferencesCheck() {
        super("schema.references.outside", Subject.SELECTION, "No migrated view or foreign key references a table outside the selection");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        SchemaObjects objects = context.schemaObjects();
        Set<TableId> views = objects.views().stream().map(SchemaObjects.View::id).collect(Collectors.toSet());
        Set<TableId> tables = context.sourceTables().keySet();
        List<String> found = new ArrayList<>();
        for (SchemaObjects.View view : objects.views()) {
            List<String> outside = DefinitionText.qualifiedReferences(view.definition()).stream()
                    .filter(t -> !SYSTEM.contains(t.database().toLowerCase(Locale.ROOT)))
                    .filter(t -> !views.contains(t) && !tables.contains(t))
                    .map(TableId::toString).toList();
            if (!outside.isEmpty()) {
                found.add("view " + view.id() + " reads " + String.join(", ", outside) + " (the view is not created)");
            }
        }
        for (ForeignKey key : objects.foreignKeys()) {
            if (tables.contains(key.child()) && !context.isTableSelected(key.parent())
                    && key.childColumns().stream().allMatch(c -> context.isColumnSelected(key.child(), c))) {
                found.add("foreign key " + key.child() + "." + key.name() + " references " + key.parent()
                        + " (the key is not created)");
            }
        }
        if (found.isEmpty()) {
            return pass("Every migrated view and foreign key references only migrated tables and views.");
        }
        return warn(found.size() + " views or foreign keys reference tables outside the selection, so they cannot be created "
                + "on the destination.", found, "Add the referenced tables to the selection (database.include.list, "
                + "table.include.list), or drop or redefine these objects on the source; or acknowledge: "
                + "precheck.acknowledged.warnings=" + id());
    }
}
