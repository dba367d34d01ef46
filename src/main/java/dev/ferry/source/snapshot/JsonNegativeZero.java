package dev.ferry.source.snapshot;

/**
 * MySQL 5.7 prints the JSON double {@code -0.0} as {@code -0}, which any JSON parser (MySQL 8.0's
 * too) reads back as the integer 0, losing the sign. MySQL's JSON holds no integer -0, so a bare
 * {@code -0} number in its text is always that double: it is written {@code -0.0} instead.
 * Everything else, strings included, is left as it is.
 */
final class JsonNegativeZero {
    private JsonNegativeZero() {
    }

    static String keepSign(String json) {
        if (json == null || !json.contains("-0")) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 8);
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                out.append(json, i, end);
                i = end;
            }
            else if (c == '-' && json.startsWith("-0", i) && !continuesNumber(json, i + 2)) {
                out.append("-0.0");
                i += 2;
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just after the string literal that starts at {@code start}. */
    private static int endOfString(String json, int start) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '"') {
                return i + 1;
            }
            else {
                i++;
            }
        }
        return json.length();
    }

    private static boolean continuesNumber(String json, int i) {
        if (i >= json.length()) {
            return false;
        }
        char c = json.charAt(i);
        return c == '.' || c == 'e' || c == 'E' || Character.isDigit(c);
    }
}
