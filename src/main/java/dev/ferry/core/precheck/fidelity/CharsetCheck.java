package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.CatalogColumn;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.RowLocator;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code fidelity.charset.4byte}: characters in source columns that the destination column's character
 * set cannot store, 4-byte characters (emoji, rare CJK) going to {@code utf8mb3} being the common case.
 * Tables the sink creates get the source's column character sets, so only destination tables that
 * already exist can differ. Each differing column is asked, on the source, for one value that does
 * not survive the round trip through the destination's character set.
 */
public final class CharsetCheck extends Check {
    private static final Pattern CHARSET = Pattern.compile("[a-z0-9_]+");

    public CharsetCheck() {
        super("fidelity.charset.4byte", Subject.DESTINATION_SERVER,
                "No source value holds characters (such as 4-byte emoji) the destination column's character set cannot store");
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
        List<String> lossy = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        int compared = 0;
        for (CatalogTable table : context.sourceTables().values()) {
            Optional<CatalogTable> target = context.destinationTable(table.id());
            if (target.isEmpty()) {
                continue;
            }
            for (CatalogColumn column : table.columns()) {
                Optional<CatalogColumn> to = target.get().column(context.destinationColumn(table.id(), column.name()));
                if (column.charset() == null || column.generated() || to.isEmpty() || to.get().charset() == null
                        || same(column.charset(), to.get().charset())) {
                    continue;
                }
                compared++;
                String found = RowLocator.first(context, table,
                        roundTripDiffers(column.name(), column.charset(), to.get().charset()));
                if (RowLocator.UNVERIFIED.equals(found)) {
                    unverified.add(table.id() + "." + column.name());
                }
                else if (found != null) {
                    lossy.add(table.id() + "." + column.name() + " " + column.charset() + " -> " + to.get().charset() + " (" + found + ")");
                    fixes.add("ALTER TABLE " + new SqlBuilder().table(context.destinationName(table.id())) + " MODIFY "
                            + SqlBuilder.quote(to.get().name()) + " " + to.get().columnType() + " CHARACTER SET "
                            + column.charset() + " COLLATE " + column.collation() + (to.get().nullable() ? " NULL" : " NOT NULL") + ";");
                }
            }
        }
        if (lossy.isEmpty() && !unverified.isEmpty()) {
            return unverified(unverified.size() + " columns have another character set on the destination.", unverified);
        }
        if (lossy.isEmpty()) {
            return pass(compared == 0 ? "Destination columns have the source's character sets (tables the sink creates "
                    + "get the source's column character sets)." : compared + " columns have another character set on the "
                    + "destination; none holds a value it cannot store.");
        }
        return fail(lossy.size() + " source columns hold characters the destination column's character set cannot store "
                + "(utf8mb3 has no 4-byte characters such as emoji); the destination would refuse the row or store '?'."
                + unverifiedNote(unverified),
                lossy, "Convert the destination columns to the source's character set on the destination: "
                + String.join(" ", fixes));
    }

    /** A condition true when the value changes on a round trip through the destination's character set. */
    static String roundTripDiffers(String column, String sourceCharset, String destinationCharset) {
        if (!CHARSET.matcher(sourceCharset).matches() || !CHARSET.matcher(destinationCharset).matches()) {
            throw new IllegalArgumentException("unexpected character set name " + sourceCharset + " / " + destinationCharset);
        }
        // Character set names are checked against [a-z0-9_]+ above; a character CONVERT cannot map becomes '?'.
        String quoted = SqlBuilder.quote(column);
        return "CAST(CONVERT(CONVERT(" + quoted + " USING " + destinationCharset + ") USING " + sourceCharset
                + ") AS BINARY) <> CAST(" + quoted + " AS BINARY)";
    }

    static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** MySQL 5.7 and early 8.0 call utf8mb3 {@code utf8}. */
    static String normalize(String name) {
        return name.equals("utf8") ? "utf8mb3" : name.startsWith("utf8_") ? "utf8mb3_" + name.substring(5) : name;
    }
}
