package dev.ferry.core.precheck.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.schema.ForeignKey;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code schema.cascades}: during incremental sync Ferry repeats the child row changes InnoDB makes for
 * {@code ON DELETE}/{@code ON UPDATE} {@code CASCADE} and {@code SET NULL}, which the binlog lacks, from
 * the parent's changes. A migrated child whose cascading parent is not selected would keep rows the source
 * deleted or changed: FAIL, naming the key.
 */
public final class CascadeCoverageCheck extends Check {

    public CascadeCoverageCheck() {
        super("schema.cascades", Subject.SELECTION, "Every cascading foreign key of a migrated table has its parent table selected");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<String> unselectedParent = new ArrayList<>();
        TableId firstParent = null;
        for (ForeignKey key : context.schemaObjects().foreignKeys()) {
            boolean childMigrated = context.sourceTables().containsKey(key.child())
                    && key.childColumns().stream().allMatch(c -> context.isColumnSelected(key.child(), c));
            if (key.changesChildren() && childMigrated && !context.isTableSelected(key.parent())) {
                unselectedParent.add(key.child() + "." + key.name() + " -> " + key.parent() + " (" + actions(key) + ")");
                firstParent = firstParent == null ? key.parent() : firstParent;
            }
        }
        if (unselectedParent.isEmpty()) {
            return pass("The parent of every cascading foreign key of a migrated table is selected, so its cascades are repeated.");
        }
        return fail(unselectedParent.size() + " cascading foreign keys of migrated tables have their parent outside the selection: "
                + "Ferry does not read the parent's changes, so the child rows the source deletes or changes through the "
                + "cascade would stay unchanged on the destination.", unselectedParent,
                "Add the parent tables to the selection (database.include.list, and table.include.list when it is set: "
                + firstParent.database() + "\\." + firstParent.table() + "), or leave the child tables out.");
    }

    private static String actions(ForeignKey key) {
        List<String> out = new ArrayList<>();
        if (key.onDelete() != ForeignKey.Action.NONE) {
            out.add("ON DELETE " + key.onDelete().name().replace('_', ' '));
        }
        if (key.onUpdate() != ForeignKey.Action.NONE) {
            out.add("ON UPDATE " + key.onUpdate().name().replace('_', ' '));
        }
        return String.join(", ", out);
    }
}
