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

/** {@code source.binlog.row_image}: {@code binlog_row_image=FULL}. */
public final class BinlogRowImageCheck extends Check {

    public BinlogRowImageCheck() {
        super("source.binlog.row_image", Subject.SOURCE_SERVER, "binlog_row_image is FULL (incremental)");
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
        String image = ServerVariables.global(context.src().connection(), "binlog_row_image");
        if (image == null || "FULL".equalsIgnoreCase(image)) {
            return pass("binlog_row_image is FULL.");
        }
        return fail("binlog_row_image is " + image + ": row events then carry only some columns, and Ferry writes whole rows.",
                List.of("binlog_row_image=" + image), SettingFix.set(context.src().server(), "binlog_row_image", "FULL")
                + " Sessions already connected keep the old image until they reconnect.");
    }
}
