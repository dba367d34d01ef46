package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.config.SinkSession;
import dev.ferry.core.precheck.CatalogColumn;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.RowLocator;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code fidelity.dates.zero}: zero dates ({@code 0000-00-00}), dates with a zero part and invalid
 * dates ({@code 2023-02-31}) in the source data. The sink's own session {@code sql_mode}
 * ({@link SinkSession#SQL_MODE}) accepts them, so Ferry copies them unchanged, through the snapshot
 * and through the binlog; the risk is the destination's own {@code sql_mode} refusing them in the
 * applications' statements after cutover.
 */
public final class ZeroDateCheck extends Check {
    private static final Set<String> REFUSING = Set.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE");

    public ZeroDateCheck() {
        super("fidelity.dates.zero", Subject.DESTINATION_SERVER,
                "Zero or invalid dates in the source data versus the destination's sql_mode and the binlog path");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public boolean scansData() {
        return true;
    }

    /**
     * True for a zero date or a date with a zero part ({@code LAST_DAY()} is NULL for them) and for an
     * invalid day such as {@code 2023-02-31} (beyond {@code LAST_DAY()}, which MySQL computes for it).
     */
    static String invalid(String column) {
        String c = SqlBuilder.quote(column);
        return c + " IS NOT NULL AND (LAST_DAY(" + c + ") IS NULL OR DAYOFMONTH(" + c + ") > DAYOFMONTH(LAST_DAY(" + c + ")))";
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        String firstUpdate = null;
        for (CatalogTable table : context.sourceTables().values()) {
            for (CatalogColumn column : table.columns()) {
                if (!column.isTemporalWithDate() || column.generated()) {
                    continue;
                }
                String row = RowLocator.first(context, table, invalid(column.name()));
                if (RowLocator.UNVERIFIED.equals(row)) {
                    unverified.add(table.id() + "." + column.name());
                }
                else if (row != null) {
                    found.add(table.id() + "." + column.name() + " (" + row + ")");
                    if (firstUpdate == null) {
                        firstUpdate = "UPDATE " + new SqlBuilder().table(table.id()).sql(" SET ").identifier(column.name())
                                .sql(column.nullable() ? " = NULL" : " = '1970-01-01'").sql(" WHERE ").sql(invalid(column.name()))
                                .sql(";");
                    }
                }
            }
        }
        if (found.isEmpty() && !unverified.isEmpty()) {
            return unverified("No zero or invalid date found in the columns scanned in time.", unverified);
        }
        if (found.isEmpty()) {
            return pass("No selected DATE, DATETIME or TIMESTAMP column holds a zero or invalid date.");
        }
        String copied = found.size() + " columns hold zero or invalid dates. Ferry copies them unchanged, through the "
                + "snapshot and through the binlog: the sink's "
                + "session sql_mode (" + SinkSession.SQL_MODE + ") accepts them whatever the destination's default.";
        List<String> risks = new ArrayList<>();
        String modeFix = "";
        if (context.destination().isPresent()) {
            String mode = ServerVariables.global(context.dst().connection(), "sql_mode");
            List<String> flags = Arrays.stream(mode.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
            List<String> refusing = flags.stream().filter(f -> REFUSING.contains(f.toUpperCase(Locale.ROOT))).toList();
            boolean strict = flags.stream().anyMatch(f -> f.toUpperCase(Locale.ROOT).startsWith("STRICT_"));
            if (!refusing.isEmpty() || strict && flags.stream().noneMatch(f -> f.equalsIgnoreCase("ALLOW_INVALID_DATES"))) {
                risks.add("The destination's own sql_mode (" + mode + ") refuses such values, so after cutover the "
                        + "applications' statements that copy them (INSERT ... SELECT, CREATE TABLE ... SELECT, an "
                        + "ALTER TABLE that rebuilds the table with ALGORITHM=COPY) fail on the destination.");
                String kept = flags.stream().filter(f -> !REFUSING.contains(f.toUpperCase(Locale.ROOT))).collect(Collectors.joining(","));
                modeFix = " Or let the destination accept them as the source does: "
                        + SettingFix.set(context.dst().server(), "sql_mode", kept + (strict ? ",ALLOW_INVALID_DATES" : ""));
            }
        }
        else {
            risks.add("The destination is not configured, so its sql_mode was not compared.");
        }
        return warn(copied + " " + String.join(" ", risks) + unverifiedNote(unverified), found, "Replace them on the source before migrating, e.g. "
                + firstUpdate + modeFix + " Then acknowledge if you keep them: precheck.acknowledged.warnings=" + id());
    }
}
