package dev.ferry.core.config;

import java.util.Locale;

/**
 * What a migration does when a destination table it writes to already exists and holds rows.
 */
public enum ConflictPolicy {
    /**
     * The default: a destination table holding rows this migration did not write is an error. The
     * precheck reports it before anything runs, and the sink refuses to snapshot into such a table.
     */
    FAIL,
    /**
     * Existing rows stay. During the snapshot a destination row with the same key as a source row is
     * kept and the source row is not written; source rows without a conflict are inserted; the
     * destination table is never emptied. During incremental migration the source's changes overwrite
     * and delete destination rows as usual.
     */
    PROCEED;

    /** Parses {@code fail} or {@code proceed}, in any case. */
    public static ConflictPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a conflict policy; use fail or proceed");
        }
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
