package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code source.privilege.replication}: REPLICATION CLIENT (tried with {@code SHOW MASTER STATUS}) and
 * REPLICATION SLAVE (tried with {@code SHOW SLAVE HOSTS}), which reading the binlog needs.
 */
public final class ReplicationPrivilegesCheck extends Check {
    private static final int SPECIFIC_ACCESS_DENIED = 1227;
    private static final int PARSE_ERROR = 1064;

    public ReplicationPrivilegesCheck() {
        super("source.privilege.replication", Subject.SOURCE_USER,
                "The source user has REPLICATION SLAVE and REPLICATION CLIENT (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Connection connection = context.src().connection();
        List<String> missing = new ArrayList<>();
        if (!allowed(connection, "SHOW MASTER STATUS", "SHOW BINARY LOG STATUS")) {
            missing.add("REPLICATION CLIENT");
        }
        if (!allowed(connection, "SHOW SLAVE HOSTS", "SHOW REPLICAS")) {
            missing.add(0, "REPLICATION SLAVE");
        }
        if (missing.isEmpty()) {
            return pass(context.src().account() + " has REPLICATION SLAVE and REPLICATION CLIENT.");
        }
        return fail(context.src().account() + " lacks " + String.join(" and ", missing) + ", which reading the binlog needs "
                + "(REPLICATION SLAVE to receive it, REPLICATION CLIENT to read the binlog position).", missing,
                "GRANT " + String.join(", ", missing) + " ON *.* TO " + context.src().account() + ";");
    }

    /** Runs a statement that needs the privilege; the second form is for versions that removed the first. */
    private static boolean allowed(Connection connection, String statement, String newerStatement) throws SQLException {
        try {
            run(connection, statement);
            return true;
        }
        catch (SQLException e) {
            if (e.getErrorCode() == SPECIFIC_ACCESS_DENIED) {
                return false;
            }
            if (e.getErrorCode() != PARSE_ERROR) {
                throw e;
            }
        }
        try {
            run(connection, newerStatement);
            return true;
        }
        catch (SQLException e) {
            if (e.getErrorCode() == SPECIFIC_ACCESS_DENIED) {
                return false;
            }
            throw e;
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet ignored = s.executeQuery(sql)) {
            // allowed
        }
    }
}
