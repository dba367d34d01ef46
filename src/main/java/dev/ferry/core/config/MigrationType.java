package dev.ferry.core.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The phases of a migration, combined as the cloud migration services combine them. */
public enum MigrationType {
    /** Create the selected tables on the destination before any data. */
    SCHEMA,
    /** Copy a consistent snapshot of the selected tables. Alone, the task stops after it. */
    FULL,
    /**
     * Apply binlog changes continuously. With {@code FULL}, from the snapshot's point on, with no gap
     * and no overlap; alone, from the binlog position at the first start.
     */
    INCREMENTAL;

    /** Parses a comma-separated list such as {@code schema,full,incremental}. */
    public static Set<MigrationType> parseList(String list) {
        EnumSet<MigrationType> types = EnumSet.noneOf(MigrationType.class);
        for (String part : list.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                types.add(valueOf(name.toUpperCase(Locale.ROOT)));
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("choose at least one of schema, full, incremental");
        }
        return types;
    }
}
