package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code source.binlog.format}: {@code binlog_format=ROW}. */
public final class BinlogFormatCheck extends Check {

    public BinlogFormatCheck() {
        super("source.binlog.format", Subject.SOURCE_SERVER, "binlog_format is ROW (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        if (!ServerVariables.isOn(context.src().connection(), "log_bin")) {
            return skipped("Binary logging is off (see source.binlog.enabled).");
        }
        String format = ServerVariables.global(context.src().connection(), "binlog_format");
        if ("ROW".equalsIgnoreCase(format)) {
            return pass("binlog_format is ROW.");
        }
        return fail("binlog_format is " + format + ": Ferry reads changes as row events, which only ROW format writes "
                + "for every change.", List.of("binlog_format=" + format),
                SettingFix.set(context.src().server(), "binlog_format", "ROW")
                + " Sessions already connected keep their format until they reconnect: restart the applications' "
                + "connections (or the server) before starting the migration.");
    }
}
