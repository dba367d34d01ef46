package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.Subject;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code source.binlog.enabled}: binary logging is on ({@code log_bin}). */
public final class BinlogEnabledCheck extends Check {

    public BinlogEnabledCheck() {
        super("source.binlog.enabled", Subject.SOURCE_SERVER, "Binary logging is on (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        if (ServerVariables.isOn(context.src().connection(), "log_bin")) {
            return pass("log_bin is ON.");
        }
        return fail("Binary logging is off (log_bin=OFF): incremental migration reads every change from the binlog.",
                List.of("log_bin=OFF"), fix(context.src().server()));
    }

    private static String fix(ServerInfo server) {
        return switch (server.flavor()) {
            case AURORA_MYSQL -> "Set binlog_format=ROW in the Aurora DB cluster parameter group (this turns binary "
                    + "logging on) and reboot the writer instance.";
            case POLARDB_MYSQL -> "Set loose_polar_log_bin=ON in the cluster's parameters (PolarDB console); the cluster restarts.";
            default -> "log_bin cannot be changed at run time: add log_bin=mysql-bin, binlog_format=ROW, "
                    + "binlog_row_image=FULL and a unique server_id under [mysqld] in my.cnf (remove skip-log-bin / "
                    + "disable-log-bin), then restart mysqld.";
        };
    }
}
