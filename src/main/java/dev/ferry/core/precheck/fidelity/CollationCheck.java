package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.TableId;
import dev.ferry.core.precheck.CatalogColumn;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code fidelity.collation.missing}: every collation the selected columns use exists on the destination
 * (8.0's {@code utf8mb4_0900_*} collations do not exist in 5.7), since the sink creates tables with
 * the source's exact collations.
 */
public final class CollationCheck extends Check {

    public CollationCheck() {
        super("fidelity.collation.missing", Subject.DESTINATION_SERVER, "The destination has every collation the selected columns use");
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Set<String> available = new HashSet<>();
        try (Statement s = context.dst().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COLLATION_NAME FROM information_schema.COLLATIONS")) {
            while (rs.next()) {
                available.add(CharsetCheck.normalize(rs.getString(1)));
            }
        }
        Map<String, List<String>> missing = new TreeMap<>();
        TableId example = null;
        CatalogColumn exampleColumn = null;
        for (CatalogTable table : context.sourceTables().values()) {
            if (context.destinationTable(table.id()).isPresent()) {
                continue;
            }
            for (CatalogColumn column : table.columns()) {
                if (column.collation() != null && !available.contains(CharsetCheck.normalize(column.collation()))) {
                    missing.computeIfAbsent(column.collation(), k -> new ArrayList<>()).add(table.id() + "." + column.name());
                    if (example == null) {
                        example = table.id();
                        exampleColumn = column;
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return pass("The destination (" + context.dst().server().description() + ") has every collation the columns of "
                    + "the tables it will create use.");
        }
        List<String> objects = new ArrayList<>();
        missing.forEach((collation, columns) -> objects.add(collation + ": " + String.join(", ", columns)));
        String replacement = replacement(exampleColumn.collation(), exampleColumn.charset());
        return fail("The destination (" + context.dst().server().description() + ") lacks " + missing.size()
                + " collations the source columns use; creating those tables would fail.", objects,
                "Change the columns on the source to a collation both servers have, e.g. ALTER TABLE "
                + new SqlBuilder().table(example) + " MODIFY " + SqlBuilder.quote(exampleColumn.name()) + " "
                + exampleColumn.columnType() + " CHARACTER SET " + exampleColumn.charset() + " COLLATE " + replacement
                + (exampleColumn.nullable() ? " NULL" : " NOT NULL") + "; (sorting and comparison change slightly), or create the "
                + "destination tables yourself with " + replacement + " and migrate without 'schema', or use a destination "
                + "running the source's MySQL version.");
    }

    /** A collation MySQL 5.7 has that is nearest to {@code collation}. */
    static String replacement(String collation, String charset) {
        if (collation.endsWith("_0900_bin") || collation.endsWith("_0900_as_cs")) {
            return charset + "_bin";
        }
        if (collation.contains("_0900_")) {
            return charset + "_unicode_520_ci";
        }
        return charset + "_general_ci";
    }
}
