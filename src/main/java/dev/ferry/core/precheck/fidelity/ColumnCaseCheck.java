package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.precheck.CatalogColumn;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fidelity.columns.case}: no selected table has column names that differ only in case. MySQL
 * compares column names case-insensitively, so on the destination such columns would be one column.
 */
public final class ColumnCaseCheck extends Check {

    public ColumnCaseCheck() {
        super("fidelity.columns.case", Subject.SELECTION, "No table has column names that differ only in case");
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<String> clashes = new ArrayList<>();
        for (CatalogTable table : context.sourceTables().values()) {
            Map<String, String> seen = new HashMap<>();
            for (CatalogColumn column : table.columns()) {
                String other = seen.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column.name());
                if (other != null) {
                    clashes.add(table.id() + ": " + other + " / " + column.name());
                }
            }
        }
        if (clashes.isEmpty()) {
            return pass("No selected table has column names that differ only in case.");
        }
        return fail("Column names differing only in case would be one column on the destination (MySQL compares "
                + "column names case-insensitively).", clashes, "Rename one column of each pair on the source "
                + "(ALTER TABLE ... RENAME COLUMN old TO new), or map it to another name.");
    }
}
