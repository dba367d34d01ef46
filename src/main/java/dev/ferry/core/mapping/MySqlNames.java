package dev.ferry.core.mapping;

/**
 * Which names MySQL accepts for a database, table or column: 1 to 64 characters of the Basic
 * Multilingual Plane, no NUL, no trailing space. Ferry quotes every identifier it writes, so any
 * other character is fine.
 */
public final class MySqlNames {
    public static final int MAX_LENGTH = 64;

    private MySqlNames() {
    }

    /** Why MySQL refuses the name, or null when it accepts it. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "the name has " + length + " characters and MySQL allows at most " + MAX_LENGTH;
        }
        if (name.endsWith(" ")) {
            return "MySQL names cannot end with a space";
        }
        if (name.indexOf('\0') >= 0) {
            return "MySQL names cannot contain the NUL character";
        }
        if (name.codePoints().anyMatch(c -> c > 0xFFFF)) {
            return "MySQL names cannot contain characters outside the Basic Multilingual Plane (such as emoji)";
        }
        return null;
    }
}
