package dev.ferry.core.precheck.destination;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code destination.tables.conflict}: no selected table already exists on the destination under its
 * destination name, unless this migration created it (the sink's progress table records it) or the
 * conflict policy says to proceed.
 */
public final class ConflictingTablesCheck extends Check {

    public ConflictingTablesCheck() {
        super("destination.tables.conflict", Subject.SELECTION,
                "No selected table already exists on the destination (unless the conflict policy is PROCEED)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA) || types.contains(MigrationType.FULL);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        if (context.migrationStarted()) {
            return skipped("This migration already started (the connector has offsets): the destination tables may be "
                    + "its own, created before the sink recorded any progress.");
        }
        List<String> conflicts = new ArrayList<>();
        int own = 0;
        TableId first = null;
        for (TableId source : context.sourceTables().keySet()) {
            if (context.destinationTable(source).isEmpty()) {
                continue;
            }
            TableId target = context.destinationName(source);
            if (context.migratedByFerry().contains(target)) {
                own++;
                continue;
            }
            conflicts.add(target.equals(source) ? target.toString() : source + " -> " + target);
            first = first == null ? target : first;
        }
        String owned = own == 0 ? "" : " " + own + " destination tables are this migration's own (recorded in "
                + context.stateDatabase() + ".sink_progress).";
        if (conflicts.isEmpty()) {
            return pass("No selected table exists on the destination yet." + owned);
        }
        String found = conflicts.size() + " selected tables already exist on the destination." + owned;
        if (context.conflictPolicy() == ConflictPolicy.PROCEED) {
            return warn(found + " The conflict policy is PROCEED: the snapshot keeps their existing rows where a source row "
                    + "has the same key and adds the others; later changes from the source overwrite and delete rows as usual.", conflicts,
                    "Make sure these tables are meant to receive the data, then acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return fail(found + " Ferry does not write into tables it did not create.", conflicts,
                "Drop or rename them on the destination (e.g. RENAME TABLE " + new SqlBuilder().table(first) + " TO "
                + new SqlBuilder().table(new TableId(first.database(), first.table() + "_old")) + ";), map the tables to "
                + "other names, or set the conflict policy to PROCEED.");
    }
}
