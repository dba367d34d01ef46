package dev.ferry.sink.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A server error message with row values taken out. MySQL quotes values in some messages
 * ({@code Duplicate entry 'v' for key 'k'}, {@code Incorrect integer value: 'v' for column 'c'}), and
 * row values must never reach exceptions or logs. Quoted names of the table's own columns and keys, and
 * quoted words of MySQL's message texts ({@code 'field list'}), are kept; every other quoted text becomes {@code '…'}.
 */
public final class RedactedServerMessage {
    private static final String REDACTED = "'…'";
    private static final String DUPLICATE_ENTRY = "Duplicate entry '";
    private static final String FOR_KEY = " for key '";
    /** Quoted words of MySQL's own message texts. */
    private static final List<String> FIXED_TOKENS = List.of("'PRIMARY'", "'field list'", "'where clause'");

    private RedactedServerMessage() {
    }

    /**
     * @param message the server's message
     * @param identifiers names that may stay quoted: columns, the table, the database
     */
    public static String of(String message, Collection<String> identifiers) {
        if (message == null) {
            return "";
        }
        int duplicate = message.indexOf(DUPLICATE_ENTRY);
        int key = message.lastIndexOf(FOR_KEY);
        if (duplicate >= 0 && key > duplicate) {
            // The key name comes last, after the value, so the last " for key '" starts it.
            return message.substring(0, duplicate) + "Duplicate entry " + REDACTED + message.substring(key);
        }
        List<String> kept = new ArrayList<>(identifiers.size() + FIXED_TOKENS.size());
        kept.addAll(FIXED_TOKENS);
        identifiers.forEach(id -> kept.add("'" + id + "'"));
        return keepIdentifiers(message, kept);
    }

    private static String keepIdentifiers(String message, List<String> kept) {
        StringBuilder out = new StringBuilder(message.length());
        int from = 0;
        while (from < message.length()) {
            int start = message.length();
            String token = null;
            for (String candidate : kept) {
                int at = message.indexOf(candidate, from);
                if (at >= 0 && (at < start || (at == start && candidate.length() > token.length()))) {
                    start = at;
                    token = candidate;
                }
            }
            out.append(redactQuotes(message.substring(from, start)));
            if (token == null) {
                break;
            }
            out.append(token);
            from = start + token.length();
        }
        return out.toString();
    }

    private static String redactQuotes(String segment) {
        int first = segment.indexOf('\'');
        if (first < 0) {
            return segment;
        }
        int last = segment.lastIndexOf('\'');
        if (last == first) {
            return segment.substring(0, first) + "'…";
        }
        return segment.substring(0, first) + REDACTED + segment.substring(last + 1);
    }
}
