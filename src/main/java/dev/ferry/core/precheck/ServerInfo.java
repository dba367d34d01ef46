package dev.ferry.core.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server is: flavor and version, detected from {@code VERSION()}, {@code @@version_comment},
 * {@code @@aurora_version} (Aurora MySQL) and PolarDB's own variables.
 *
 * @param flavor MySQL, Aurora MySQL, PolarDB for MySQL, PolarDB-X or MariaDB
 * @param version the MySQL-compatible version, e.g. {@code 8.0.15}
 * @param major major version, e.g. 8
 * @param minor minor version, e.g. 0
 * @param patch patch version, e.g. 15
 * @param description what was detected, in words, e.g. {@code Amazon Aurora MySQL 3.04.0 (MySQL 8.0.28)}
 */
public record ServerInfo(ServerFlavor flavor, String version, int major, int minor, int patch, String description) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ServerInfo detect(Connection connection) throws SQLException {
        String version;
        String comment;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION(), @@version_comment")) {
            rs.next();
            version = rs.getString(1);
            comment = rs.getString(2) == null ? "" : rs.getString(2);
        }
        Matcher m = VERSION.matcher(version);
        int major = 0;
        int minor = 0;
        int patch = 0;
        if (m.find()) {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
            patch = Integer.parseInt(m.group(3));
        }
        String plain = major + "." + minor + "." + patch;
        String lower = (version + " " + comment).toLowerCase(Locale.ROOT);
        if (lower.contains("mariadb")) {
            return new ServerInfo(ServerFlavor.MARIADB, plain, major, minor, patch, "MariaDB " + plain + " (" + version + ")");
        }
        if (lower.contains("polardb-x") || lower.contains("polardbx") || lower.contains("tddl")) {
            return new ServerInfo(ServerFlavor.POLARDB_X, plain, major, minor, patch,
                    "PolarDB-X (MySQL " + plain + " compatible; version " + version + ", " + comment + ")");
        }
        String aurora = ServerVariables.global(connection, "aurora_version");
        if (aurora != null) {
            return new ServerInfo(ServerFlavor.AURORA_MYSQL, plain, major, minor, patch,
                    "Amazon Aurora MySQL " + aurora + " (MySQL " + plain + ")");
        }
        String polardb = polardbVersion(connection);
        if (polardb != null) {
            return new ServerInfo(ServerFlavor.POLARDB_MYSQL, plain, major, minor, patch,
                    "PolarDB for MySQL " + polardb + " (MySQL " + plain + ")");
        }
        String edition = comment.isBlank() ? "" : " (" + comment + ")";
        return new ServerInfo(ServerFlavor.MYSQL, plain, major, minor, patch, "MySQL " + plain + edition);
    }

    /** PolarDB for MySQL has variables of its own ({@code polardb_version}, {@code polar_*}); null when none. */
    private static String polardbVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name LIKE 'polar%'")) {
            String any = null;
            while (rs.next()) {
                if (rs.getString(1).equalsIgnoreCase("polardb_version")) {
                    return rs.getString(2);
                }
                any = "";
            }
            return any == null ? null : "(polar_* variables present)";
        }
    }

    /** Whether this server's version is older than {@code other}'s. */
    public boolean olderThan(ServerInfo other) {
        return compareVersion(other) < 0;
    }

    /** Compares versions: negative when this one is older. */
    public int compareVersion(ServerInfo other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    /** Whether the version is at least {@code major.minor.patch}. */
    public boolean atLeast(int major, int minor, int patch) {
        return compareVersion(new ServerInfo(flavor, "", major, minor, patch, "")) >= 0;
    }

    public String majorMinor() {
        return major + "." + minor;
    }
}
