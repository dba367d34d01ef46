package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerFlavor;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.Subject;

import java.util.List;

/** {@code source.version}: which server the source is, and whether Ferry can read it. */
public final class SourceVersionCheck extends Check {

    public SourceVersionCheck() {
        super("source.version", Subject.SOURCE_SERVER, "Source server flavor and version are supported");
    }

    @Override
    public CheckResult run(PrecheckContext context) {
        ServerInfo server = context.src().server();
        String detected = "Detected " + server.description() + ".";
        if (server.flavor() == ServerFlavor.MARIADB) {
            if (context.includes(MigrationType.INCREMENTAL)) {
                return fail(detected + " Debezium's MySQL binlog reader, which Ferry uses for incremental migration, refuses MariaDB.",
                        List.of(server.description()), "Migrate with migration.types=schema,full (no incremental), "
                                + "or from a MySQL server replicating from this MariaDB.");
            }
            return warn(detected + " MariaDB is not among the sources Ferry is tested with (MySQL 5.7 and 8.0); "
                    + "full migration reads it with plain SQL.", List.of(server.description()),
                    "Verify the copy after migrating, then acknowledge: precheck.acknowledged.warnings=" + id());
        }
        if (!server.atLeast(5, 6, 0)) {
            return fail(detected + " Ferry needs MySQL 5.6 or later (information_schema columns, GTIDs, row images).",
                    List.of(server.description()), "Upgrade the source to MySQL 5.7 or 8.0 first.");
        }
        if (!server.atLeast(5, 7, 0) || server.flavor() == ServerFlavor.POLARDB_X) {
            return warn(detected + " Ferry is tested with MySQL 5.7 and 8.0 (and the Aurora / PolarDB for MySQL "
                    + "editions of them); this server is MySQL-compatible but untested.", List.of(server.description()),
                    "Verify the copy after migrating, then acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return pass(detected + " Supported.");
    }
}
