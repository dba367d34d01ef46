package dev.ferry.core.precheck.destination;

import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerFlavor;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.Subject;

import java.util.List;

/** {@code destination.version}: the destination is not older than the source (a downgrade fails). */
public final class DestinationVersionCheck extends Check {

    public DestinationVersionCheck() {
        super("destination.version", Subject.DESTINATION_SERVER, "The destination's version is not older than the source's");
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) {
        ServerInfo source = context.src().server();
        ServerInfo destination = context.dst().server();
        String both = "Source: " + source.description() + "; destination: " + destination.description() + ".";
        List<String> objects = List.of("source " + source.version(), "destination " + destination.version());
        if (destination.flavor() == ServerFlavor.MARIADB && source.flavor() != ServerFlavor.MARIADB) {
            return warn(both + " MariaDB is not MySQL: types (JSON), collations and functions differ, and Ferry is not "
                    + "tested with it as a destination.", objects, "Use a MySQL-compatible destination, or verify the copy "
                    + "and acknowledge: precheck.acknowledged.warnings=" + id());
        }
        if (source.major() > destination.major() || source.major() == destination.major() && source.minor() > destination.minor()) {
            return fail(both + " Migrating to an older MySQL version is a downgrade: collations, column types and "
                    + "features of " + source.majorMinor() + " may not exist on " + destination.majorMinor() + ".", objects,
                    "Use a destination running MySQL " + source.majorMinor() + " or later (upgrade the destination, e.g. "
                    + "to " + source.majorMinor() + ".x).");
        }
        if (destination.olderThan(source)) {
            return warn(both + " The destination is an older patch release of the same version; features added "
                    + "in between (collations, functions in generated columns) may be missing.", objects,
                    "Upgrade the destination to " + source.version() + " or later, or acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return pass(both + " Not a downgrade.");
    }
}
