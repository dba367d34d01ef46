package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerFlavor;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code source.binlog.retention}: binlogs are kept long enough for Ferry to read them: at least 7 days
 * for full + incremental (the snapshot may take days, and the binlog from its point must still be
 * there), more than 24 hours for incremental alone. Reads {@code binlog_expire_logs_seconds},
 * {@code expire_logs_days}, and on Aurora {@code mysql.rds_show_configuration}.
 */
public final class BinlogRetentionCheck extends Check {
    private static final Duration WITH_FULL = Duration.ofDays(7);
    private static final Duration INCREMENTAL_ONLY = Duration.ofHours(24);

    public BinlogRetentionCheck() {
        super("source.binlog.retention", Subject.SOURCE_SERVER,
                "Binlogs are kept at least 7 days (full + incremental) or more than 24 hours (incremental only)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        ServerInfo server = context.src().server();
        Connection connection = context.src().connection();
        boolean withFull = context.includes(MigrationType.FULL);
        Duration needed = withFull ? WITH_FULL : INCREMENTAL_ONLY;
        String what = withFull ? "at least 7 days for full + incremental migration" : "more than 24 hours for incremental migration";
        if (server.flavor() == ServerFlavor.AURORA_MYSQL) {
            return aurora(connection, needed, what);
        }
        long seconds = ServerVariables.globalLong(connection, "binlog_expire_logs_seconds", 0);
        String setting = "binlog_expire_logs_seconds=" + seconds;
        if (seconds == 0) {
            long days = ServerVariables.globalLong(connection, "expire_logs_days", 0);
            seconds = days * 86_400;
            setting = "expire_logs_days=" + days;
        }
        if (seconds == 0) {
            return pass("Binary logs are not purged automatically (" + setting + "); keep them until the migration is done.");
        }
        Duration kept = Duration.ofSeconds(seconds);
        if (withFull ? kept.compareTo(needed) >= 0 : kept.compareTo(needed) > 0) {
            return pass("Binary logs are kept " + human(kept) + " (" + setting + "), " + what + ".");
        }
        String fix = server.atLeast(8, 0, 1) || server.flavor() == ServerFlavor.POLARDB_MYSQL
                ? SettingFix.set(server, "binlog_expire_logs_seconds", Long.toString(withFull ? 604_800 : 172_800))
                : SettingFix.set(server, "expire_logs_days", withFull ? "7" : "2");
        return fail("Binary logs are kept only " + human(kept) + " (" + setting + "); Ferry needs " + what
                + ", or binlogs it has not read yet may be purged and the migration must start over.", List.of(setting), fix);
    }

    private CheckResult aurora(Connection connection, Duration needed, String what) throws SQLException {
        String hours = null;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("CALL mysql.rds_show_configuration")) {
            while (rs.next()) {
                if ("binlog retention hours".equalsIgnoreCase(rs.getString(1))) {
                    hours = rs.getString(2);
                }
            }
        }
        long wanted = needed.equals(WITH_FULL) ? 168 : 48;
        String fix = "CALL mysql.rds_set_configuration('binlog retention hours', " + wanted + ");";
        if (hours == null || hours.isBlank() || "NULL".equalsIgnoreCase(hours)) {
            return fail("Aurora's binlog retention hours is NULL: binlogs are purged as soon as possible; Ferry needs " + what + ".",
                    List.of("binlog retention hours=NULL"), fix);
        }
        Duration kept = Duration.ofHours(Long.parseLong(hours.trim()));
        boolean enough = needed.equals(WITH_FULL) ? kept.compareTo(needed) >= 0 : kept.compareTo(needed) > 0;
        return enough ? pass("Aurora keeps binlogs " + human(kept) + " (binlog retention hours=" + hours + "), " + what + ".")
                : fail("Aurora keeps binlogs only " + human(kept) + " (binlog retention hours=" + hours + "); Ferry needs " + what + ".",
                List.of("binlog retention hours=" + hours), fix);
    }

    private static String human(Duration d) {
        if (d.toHours() >= 48 && d.toHours() % 24 == 0) {
            return d.toDays() + " days";
        }
        return d.toMinutes() >= 120 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
