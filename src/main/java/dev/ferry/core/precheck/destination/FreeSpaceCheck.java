package dev.ferry.core.precheck.destination;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerFlavor;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.Subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code destination.space}: free space on the destination versus the size of the selected source
 * tables (data and indexes). MySQL does not report free disk space over SQL, so the free space is
 * measured only when the destination's data directory is on this machine; Aurora and PolarDB grow
 * their storage by themselves.
 */
public final class FreeSpaceCheck extends Check {

    public FreeSpaceCheck() {
        super("destination.space", Subject.DESTINATION_SERVER, "Free space on the destination versus the source's data size (full)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        long needed = context.sourceTables().values().stream().mapToLong(CatalogTable::bytes).sum();
        String size = "The selected source tables take " + bytes(needed) + " (data and indexes, information_schema.TABLES)";
        ServerFlavor flavor = context.dst().server().flavor();
        if (flavor == ServerFlavor.AURORA_MYSQL || flavor == ServerFlavor.POLARDB_MYSQL || flavor == ServerFlavor.POLARDB_X) {
            return pass(size + "; " + flavor.displayName() + " storage grows by itself.");
        }
        String datadir = ServerVariables.global(context.dst().connection(), "datadir");
        Long free = localFreeSpace(context.dst().where(), datadir);
        if (free == null) {
            return skipped(size + "; MySQL does not report its free disk space over SQL, and the destination's data "
                    + "directory " + datadir + " is not on this machine. Check it there: df -h " + datadir
                    + " must show more than " + bytes(needed * 3 / 2) + " available (the copy can take up to 1.5 times the source size).");
        }
        List<String> objects = List.of("source " + bytes(needed), "destination free " + bytes(free));
        if (free < needed) {
            return fail(size + "; the destination's data directory " + datadir + " has only " + bytes(free) + " free.",
                    objects, "Free or add at least " + bytes(needed * 3 / 2 - free) + " on the file system of " + datadir
                    + ", or migrate fewer tables.");
        }
        if (free < needed * 3 / 2) {
            return warn(size + "; " + bytes(free) + " free in " + datadir + ": inserts in key order usually need no more, "
                    + "but secondary indexes and fragmentation can make the copy up to 1.5 times larger.", objects,
                    "Free or add space on the file system of " + datadir + ", or acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return pass(size + "; " + bytes(free) + " free in the destination's data directory " + datadir + ".");
    }

    /** The usable space at {@code datadir} when the destination runs on this machine; null otherwise. */
    private static Long localFreeSpace(String where, String datadir) {
        String host = where.contains(":") ? where.substring(0, where.lastIndexOf(':')) : where;
        boolean local = host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("::1") || host.equals("[::1]");
        if (!local || datadir == null) {
            return null;
        }
        Path dir = Path.of(datadir);
        try {
            return Files.isDirectory(dir) ? Files.getFileStore(dir).getUsableSpace() : null;
        }
        catch (IOException | SecurityException e) {
            return null;
        }
    }

    static String bytes(long n) {
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", n / 1024.0 / 1024);
        }
        return String.format(Locale.ROOT, "%.1f GiB", n / 1024.0 / 1024 / 1024);
    }
}
