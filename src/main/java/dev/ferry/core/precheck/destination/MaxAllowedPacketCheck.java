package dev.ferry.core.precheck.destination;

import dev.ferry.core.config.MigrationType;
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
import java.util.List;
import java.util.Set;

/**
 * {@code destination.max_allowed_packet}: the destination's {@code max_allowed_packet} holds the
 * source's largest row, which travels in one statement. Tables whose declared column sizes fit are
 * passed without reading; the others are asked for one row larger than the limit.
 */
public final class MaxAllowedPacketCheck extends Check {
    /** Room for the statement text and the escaping of a row, as the sink's statement limits reserve. */
    private static final long HEADROOM = 64 * 1024;

    public MaxAllowedPacketCheck() {
        super("destination.max_allowed_packet", Subject.DESTINATION_SERVER,
                "The destination's max_allowed_packet holds the source's largest row");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public boolean scansData() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        long packet = ServerVariables.globalLong(context.dst().connection(), "max_allowed_packet", 4 * 1024 * 1024);
        long limit = packet - HEADROOM;
        List<String> tooLarge = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        int scanned = 0;
        for (CatalogTable table : context.sourceTables().values()) {
            long declared = table.columns().stream().mapToLong(CatalogColumn::maxBytes).sum();
            if (declared <= limit) {
                continue;
            }
            scanned++;
            SqlBuilder size = new SqlBuilder().sql("(0");
            for (CatalogColumn column : table.columns()) {
                size.sql(" + IFNULL(LENGTH(").identifier(column.name()).sql("), 0)");
            }
            String found = RowLocator.first(context, table, size.sql(") > " + limit).toString());
            if (RowLocator.UNVERIFIED.equals(found)) {
                unverified.add(table.id().toString());
            }
            else if (found != null) {
                tooLarge.add(table.id() + " (" + found + ")");
            }
        }
        String what = "Destination max_allowed_packet is " + packet + " bytes";
        if (tooLarge.isEmpty() && !unverified.isEmpty()) {
            return unverified(what + ".", unverified);
        }
        if (tooLarge.isEmpty()) {
            return pass(what + "; every row fits (" + scanned + " tables with large columns were searched for a larger row).");
        }
        long wanted = Math.min(1L << 30, Long.highestOneBit(packet) << 2);
        return fail(what + "; rows larger than " + limit + " bytes (the limit less room for the statement) would be "
                + "refused by the destination." + unverifiedNote(unverified), tooLarge, SettingFix.set(context.dst().server(), "max_allowed_packet",
                Long.toString(wanted)) + " (the largest row plus 64 KiB at least; at most 1073741824).");
    }
}
