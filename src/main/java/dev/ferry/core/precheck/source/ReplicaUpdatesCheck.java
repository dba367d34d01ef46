package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/** {@code source.binlog.replica_updates}: a source that is itself a replica writes what it replicates to its binlog. */
public final class ReplicaUpdatesCheck extends Check {
    private static final int SPECIFIC_ACCESS_DENIED = 1227;
    private static final int PARSE_ERROR = 1064;

    public ReplicaUpdatesCheck() {
        super("source.binlog.replica_updates", Subject.SOURCE_SERVER,
                "log_slave_updates / log_replica_updates is ON when the source is a replica (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Connection connection = context.src().connection();
        Boolean replica = isReplica(connection);
        if (replica == null) {
            return skipped("The user cannot run SHOW SLAVE STATUS (it needs REPLICATION CLIENT, see "
                    + "source.privilege.replication), so whether the source is a replica is unknown.");
        }
        if (!replica) {
            return pass("The source is not a replica (SHOW SLAVE STATUS is empty).");
        }
        String variable = ServerVariables.global(connection, "log_replica_updates") != null ? "log_replica_updates" : "log_slave_updates";
        if (ServerVariables.isOn(connection, variable)) {
            return pass("The source is a replica and " + variable + " is ON.");
        }
        return fail("The source is a replica with " + variable + "=OFF: changes it receives from its primary are not "
                + "written to its own binlog, so Ferry would miss them.", List.of(variable + "=OFF"),
                variable + " cannot be changed at run time: " + SettingFix.set(context.src().server(), variable, "ON")
                        .replace("SET PERSIST", "SET PERSIST_ONLY") + " Then restart mysqld.");
    }

    /** Whether SHOW SLAVE STATUS (SHOW REPLICA STATUS) has a row; null when the user may not run it. */
    private static Boolean isReplica(Connection connection) throws SQLException {
        for (String sql : List.of("SHOW SLAVE STATUS", "SHOW REPLICA STATUS")) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next();
            }
            catch (SQLException e) {
                if (e.getErrorCode() == SPECIFIC_ACCESS_DENIED) {
                    return null;
                }
                if (e.getErrorCode() != PARSE_ERROR) {
                    throw e;
                }
            }
        }
        return false;
    }
}
