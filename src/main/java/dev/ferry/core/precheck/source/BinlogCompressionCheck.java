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

/**
 * {@code source.binlog.compression}: {@code binlog_transaction_compression} is off. Events inside a
 * compressed transaction payload carry no binlog position of their own, so the sink could not tell
 * which of them it already applied.
 */
public final class BinlogCompressionCheck extends Check {

    public BinlogCompressionCheck() {
        super("source.binlog.compression", Subject.SOURCE_SERVER, "binlog_transaction_compression is OFF (incremental)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        if (!ServerVariables.isOn(context.src().connection(), "binlog_transaction_compression")) {
            return pass("binlog_transaction_compression is OFF (or not supported by this version).");
        }
        return fail("binlog_transaction_compression is ON: events inside a compressed transaction carry no binlog "
                + "position of their own, so Ferry could not apply them exactly once.", List.of("binlog_transaction_compression=ON"),
                SettingFix.set(context.src().server(), "binlog_transaction_compression", "OFF")
                + " It applies to new sessions; restart the applications' connections before starting the migration.");
    }
}
