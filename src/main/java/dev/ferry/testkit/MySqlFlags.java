package dev.ferry.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mysqld command line options of one server: the test kit's defaults (binlog in ROW format with
 * full row images, GTIDs on) with the caller's changes on top. Names are normalized, so
 * {@code binlog_format} and {@code --binlog-format} name the same option.
 */
final class MySqlFlags {

    /** Options the server object sets itself, because it reports or cleans up what they point at. */
    static final Set<String> MANAGED = Set.of(
            "basedir", "datadir", "port", "bind-address", "socket", "pid-file", "log-error", "server-id", "user");

    /** Marks an option written without a value, like {@code --skip-log-bin}. */
    private static final String NO_VALUE = "\u0000";

    private final Map<String, String> options = new LinkedHashMap<>();

    static MySqlFlags defaults(MySqlVersion version) {
        MySqlFlags flags = new MySqlFlags();
        flags.set("secure-file-priv", "");
        flags.set("log-bin", "mysql-bin");
        flags.set("binlog-format", "ROW");
        flags.set("binlog-row-image", "FULL");
        flags.set("gtid-mode", "ON");
        flags.set("enforce-gtid-consistency", "ON");
        flags.set("character-set-server", "utf8mb4");
        flags.enable("skip-name-resolve");
        flags.set("innodb-buffer-pool-size", "64M");
        flags.set("performance-schema", "OFF");
        // The sink loads rows with LOAD DATA LOCAL INFILE when the server allows it; 8.0 defaults to OFF.
        flags.set("local-infile", "ON");
        if (version.hasXPlugin()) {
            flags.set("mysqlx", "OFF");
        }
        return flags;
    }

    /** {@code --name=value}; an empty value is kept, as in {@code --secure-file-priv=}. */
    void set(String name, String value) {
        options.put(normalize(name), value);
    }

    void enable(String name) {
        options.put(normalize(name), NO_VALUE);
    }

    void remove(String name) {
        options.remove(normalize(name));
    }

    /** Applies caller changes: a null value removes the option, an empty one is written as {@code --name=}. */
    void apply(Map<String, String> changes) {
        changes.forEach((name, value) -> {
            if (value == null) {
                remove(name);
            } else {
                set(name, value);
            }
        });
    }

    boolean contains(String name) {
        return options.containsKey(normalize(name));
    }

    List<String> toArguments() {
        List<String> arguments = new ArrayList<>();
        options.forEach((name, value) -> arguments.add(NO_VALUE.equals(value) ? "--" + name : "--" + name + "=" + value));
        return arguments;
    }

    static String normalize(String name) {
        String trimmed = name.trim();
        while (trimmed.startsWith("-")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
