package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code source.tables.keyless}: selected tables with neither a primary key nor a unique key on NOT NULL columns. */
public final class KeylessTablesCheck extends Check {

    public KeylessTablesCheck() {
        super("source.tables.keyless", Subject.SELECTION, "Tables without a primary key or unique NOT NULL key (warning)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<CatalogTable> keyless = context.sourceTables().values().stream().filter(CatalogTable::keyless).toList();
        if (keyless.isEmpty()) {
            return pass("Every selected table has a primary key or a unique key on NOT NULL columns.");
        }
        CatalogTable first = keyless.get(0);
        return warn(keyless.size() + " selected tables have neither a primary key nor a unique key on NOT NULL columns. "
                + "Ferry still copies them exactly once (its progress table skips what was already applied) and applies "
                + "their changes in order, each UPDATE or DELETE to one row equal in every column; but each such change "
                + "scans the destination table, and of rows equal in every column any one is changed.",
                keyless.stream().map(t -> t.id().toString()).toList(),
                "Add a key on the source, e.g. ALTER TABLE " + new SqlBuilder().table(first.id())
                + " ADD COLUMN ferry_row_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY; (or a primary key on "
                + "columns that are already unique), or accept it: precheck.acknowledged.warnings=" + id());
    }
}
