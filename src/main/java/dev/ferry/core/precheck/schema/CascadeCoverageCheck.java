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
 * deleted or changed: FAIL, naming the key. A cascade that continues from a cascaded row (into another table,
 * or inside a tree) is repeated at every level, from the referenced values the sink reads on the destination;
 * it stops where those referenced columns are not migrated: WARN, naming the chain.
 */
public final class CascadeCoverageCheck extends Check {

    public CascadeCoverageCheck() {
        super("schema.cascades", Subject.SELECTION, "Every cascade of a migrated table is repeated at every level: its parent is selected, and the columns deeper levels reference are migrated");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<ForeignKey> followed = new ArrayList<>();
        List<String> unselectedParent = new ArrayList<>();
        TableId firstParent = null;
        for (ForeignKey key : context.schemaObjects().foreignKeys()) {
            boolean childMigrated = context.sourceTables().containsKey(key.child())
                    && key.childColumns().stream().allMatch(c -> context.isColumnSelected(key.child(), c));
            if (!key.changesChildren() || !childMigrated) {
                continue;
            }
            if (context.isTableSelected(key.parent())) {
                followed.add(key);
            }
            else {
                unselectedParent.add(key.child() + "." + key.name() + " -> " + key.parent() + " (" + actions(key) + ")");
                firstParent = firstParent == null ? key.parent() : firstParent;
            }
        }
        if (!unselectedParent.isEmpty()) {
            return fail(unselectedParent.size() + " cascading foreign keys of migrated tables have their parent outside the "
                    + "selection: Ferry does not read the parent's changes, so the child rows the source deletes or changes "
                    + "through the cascade would stay unchanged on the destination.", unselectedParent,
                    "Add the parent tables to the selection (database.include.list, and table.include.list when it is set: "
                    + firstParent.database() + "\\." + firstParent.table() + "), or leave the child tables out.");
        }
        List<String> unrepeated = unrepeated(context, followed);
        if (!unrepeated.isEmpty()) {
            return warn(unrepeated.size() + " cascades reach further than Ferry repeats them: it follows a cascade from a cascaded "
                    + "row to the next level by reading the row's referenced columns on the destination, and these columns are "
                    + "not migrated. If the source deletes or changes such parent rows during sync, the rows named here keep "
                    + "their old state on the destination.", unrepeated,
                    "Migrate the referenced columns (column.exclude.list), or avoid deleting or changing the keys of such parent "
                    + "rows while the migration syncs; then acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return pass("Every cascade of the migrated tables is repeated (" + followed.size() + " cascading foreign keys).");
    }

    /** Chains through a cascaded row (into another table or inside a tree) whose referenced columns are not migrated. */
    private static List<String> unrepeated(PrecheckContext context, List<ForeignKey> followed) {
        List<String> out = new ArrayList<>();
        for (ForeignKey first : followed) {
            for (ForeignKey next : followed) {
                boolean readable = next.parentColumns().stream().allMatch(c -> context.isColumnSelected(next.parent(), c));
                if (next.parent().equals(first.child()) && !readable) {
                    out.add(first.parent() + " -> " + first.child() + " (" + first.name() + ") -> " + next.child() + " ("
                            + next.name() + "): rows of " + next.child() + " under cascaded rows of " + first.child()
                            + ", whose referenced columns " + next.parentColumns() + " are not migrated");
                }
            }
        }
        return out;
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
