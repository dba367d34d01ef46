package dev.ferry.core.precheck.destination;

import dev.ferry.core.config.MigrationType;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code destination.engines}: every storage engine of the tables schema migration creates is available on
 * the destination ({@code SHOW ENGINES} says YES or DEFAULT, and {@code disabled_storage_engines} does not
 * list it). Otherwise the table is refused, or silently created with the default engine.
 */
public final class EngineSupportCheck extends Check {

    public EngineSupportCheck() {
        super("destination.engines", Subject.DESTINATION_SERVER, "The destination supports the storage engine of every table to create");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Set<String> available = available(context);
        List<String> lacking = new ArrayList<>();
        CatalogTable first = null;
        for (CatalogTable table : context.sourceTables().values()) {
            if (!table.engine().isEmpty() && !available.contains(table.engine().toUpperCase(Locale.ROOT))
                    && context.destinationTable(table.id()).isEmpty()) {
                lacking.add(table.id() + " (" + table.engine() + ")");
                first = first == null ? table : first;
            }
        }
        if (lacking.isEmpty()) {
            return pass("The destination supports the engines of all tables to create.");
        }
        return fail(lacking.size() + " tables use a storage engine " + context.dst().server().description() + " does not offer "
                + "(SHOW ENGINES, disabled_storage_engines): creating them would fail, or give them the default engine.", lacking,
                "Convert them on the source (ALTER TABLE " + new SqlBuilder().table(first.id()) + " ENGINE=InnoDB; and the others), "
                + "or enable the engine on the destination (INSTALL PLUGIN, or remove it from disabled_storage_engines).");
    }

    private static Set<String> available(PrecheckContext context) throws SQLException {
        Set<String> engines = new TreeSet<>();
        try (Statement s = context.dst().connection().createStatement(); ResultSet rs = s.executeQuery("SHOW ENGINES")) {
            while (rs.next()) {
                String support = rs.getString("Support");
                if ("YES".equalsIgnoreCase(support) || "DEFAULT".equalsIgnoreCase(support)) {
                    engines.add(rs.getString("Engine").toUpperCase(Locale.ROOT));
                }
            }
        }
        try (Statement s = context.dst().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.disabled_storage_engines")) {
            if (rs.next() && rs.getString(1) != null) {
                Arrays.stream(rs.getString(1).split(",")).map(e -> e.trim().toUpperCase(Locale.ROOT)).forEach(engines::remove);
            }
        }
        return engines;
    }
}
