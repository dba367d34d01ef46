package dev.ferry.core.mapping;

import java.util.Locale;

/** How Ferry spells destination names it derives from source names (never the names a user wrote). */
public enum NameCase {
    /** The source's spelling. */
    KEEP,
    /** Lower case. */
    LOWER,
    /** Upper case. */
    UPPER;

    public String apply(String name) {
        return switch (this) {
            case KEEP -> name;
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case UPPER -> name.toUpperCase(Locale.ROOT);
        };
    }

    /** Parses {@code keep}, {@code lower} or {@code upper}, in any case. */
    public static NameCase parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a name case policy; use keep, lower or upper");
        }
    }
}
