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

/** {@code source.tables.engine}: selected tables stored in an engine other than InnoDB (warning). */
public final class EngineCheck extends Check {

    public EngineCheck() {
        super("source.tables.engine", Subject.SELECTION, "Selected tables use InnoDB (others warn)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<CatalogTable> other = context.sourceTables().values().stream()
                .filter(t -> !t.engine().equalsIgnoreCase("InnoDB")).toList();
        if (other.isEmpty()) {
            return pass("All selected tables use InnoDB.");
        }
        return warn(other.size() + " selected tables are not InnoDB. A consistent snapshot covers only transactional "
                + "tables: these are read as they are at the moment of reading, so binlog changes from the snapshot's "
                + "point are applied over rows that may already hold them (harmless with a key; duplicates in a keyless "
                + "table), and a crash of the source can leave them inconsistent.",
                other.stream().map(t -> t.id() + " (" + t.engine() + ")").toList(),
                "Convert them on the source: ALTER TABLE " + new SqlBuilder().table(other.get(0).id())
                + " ENGINE=InnoDB; (each one), or acknowledge: precheck.acknowledged.warnings=" + id());
    }
}
