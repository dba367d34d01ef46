package dev.ferry.testkit;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${KEY}} with values the caller gives. References with a colon, such as Kafka's
 * config providers ({@code ${env:X}}, {@code ${file:path:key}}), are left for the worker.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private Placeholders() {
    }

    /** @throws IllegalArgumentException if {@code text} names a key that has no value */
    static String resolve(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + key + "} in \"" + text
                        + "\"; values given for " + new TreeSet<>(values.keySet()));
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
