package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code source.server_id}: the server id Ferry reads the binlog with differs from the source's and its replicas'. */
public final class ServerIdCheck extends Check {

    public ServerIdCheck() {
        super("source.server_id", Subject.SOURCE_SERVER_ID,
                "database.server.id differs from the server_id of the source and of its replicas (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Optional<Long> reader = context.readerServerId();
        if (reader.isEmpty()) {
            return skipped("No database.server.id is configured.");
        }
        Connection connection = context.src().connection();
        long sourceId = ServerVariables.globalLong(connection, "server_id", 0);
        String fix = "Set database.server.id to a number no server or binlog reader in this replication topology uses "
                + "(for example " + (sourceId + 5400) + ").";
        if (sourceId == reader.get()) {
            return fail("database.server.id " + reader.get() + " is the source's own server_id: the source would drop "
                    + "the connection.", List.of("server_id=" + sourceId), fix);
        }
        Long replica = replicaWith(connection, reader.get());
        if (replica != null) {
            return fail("database.server.id " + reader.get() + " is already used by a replica of the source: the two "
                    + "would disconnect each other.", List.of("server_id=" + replica), fix);
        }
        return pass("database.server.id " + reader.get() + " differs from the source's server_id " + sourceId
                + " and from the replicas it lists.");
    }

    private static Long replicaWith(Connection connection, long id) {
        for (String sql : List.of("SHOW SLAVE HOSTS", "SHOW REPLICAS")) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    if (rs.getLong(1) == id) {
                        return id;
                    }
                }
                return null;
            }
            catch (SQLException e) {
                // Not allowed (REPLICATION SLAVE is reported by its own check) or not this version's syntax.
            }
        }
        return null;
    }
}
