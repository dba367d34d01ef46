package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.Subject;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code source.gtid}: reports {@code gtid_mode}. With full + incremental and GTIDs off, the snapshot's
 * point is a binlog position, and a transaction committing in the instant the snapshot opens could
 * be missed (see the README's limits): a warning.
 */
public final class GtidCheck extends Check {

    public GtidCheck() {
        super("source.gtid", Subject.SOURCE_SERVER, "GTID mode (reported; off warns for full + incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        String mode = ServerVariables.global(context.src().connection(), "gtid_mode");
        if (mode == null || "ON".equalsIgnoreCase(mode)) {
            return pass("gtid_mode is " + (mode == null ? "not supported by this server" : "ON")
                    + (mode == null ? "." : ": the binlog is read from the snapshot's GTID set."));
        }
        if (!context.includes(MigrationType.FULL)) {
            return pass("gtid_mode is " + mode + "; incremental migration alone starts from a binlog position.");
        }
        return warn("gtid_mode is " + mode + ": the snapshot's point is a binlog position, and a transaction committing "
                + "in the instant the snapshot opens (written to the binlog, not yet visible) could be missed.",
                List.of("gtid_mode=" + mode), "Turn GTIDs on: SET PERSIST enforce_gtid_consistency = ON; then SET PERSIST "
                + "gtid_mode = OFF_PERMISSIVE; SET PERSIST gtid_mode = ON_PERMISSIVE; (wait until "
                + "Ongoing_anonymous_transaction_count is 0) SET PERSIST gtid_mode = ON; or start the migration while "
                + "the source takes no writes, and acknowledge: precheck.acknowledged.warnings=" + id());
    }
}
