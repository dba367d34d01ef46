package dev.ferry.core.precheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The privileges an account holds globally and per database, as {@code information_schema.USER_PRIVILEGES}
 * and {@code SCHEMA_PRIVILEGES} show them to the account itself (privileges held through roles are not there).
 */
public final class AccountPrivileges {
    private final Set<String> global;
    private final Map<String, Set<String>> byDatabasePattern;

    private AccountPrivileges(Set<String> global, Map<String, Set<String>> byDatabasePattern) {
        this.global = global;
        this.byDatabasePattern = byDatabasePattern;
    }

    /** Reads the privileges of {@code account} ({@code 'user'@'host'}, as {@link Endpoint#account()} names it). */
    public static AccountPrivileges read(Connection connection, String account) throws SQLException {
        Map<String, Set<String>> global = read(connection, "SELECT '', PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES "
                + "WHERE GRANTEE = ?", account);
        return new AccountPrivileges(global.getOrDefault("", Set.of()), read(connection, "SELECT TABLE_SCHEMA, PRIVILEGE_TYPE "
                + "FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?", account));
    }

    /** Whether the account holds {@code privilege} (e.g. {@code CREATE VIEW}) globally. */
    public boolean holdsGlobally(String privilege) {
        return global.contains(privilege);
    }

    /** Whether the account holds {@code privilege} on every object of {@code database}, globally or through a database grant. */
    public boolean holds(String database, String privilege) {
        if (global.contains(privilege)) {
            return true;
        }
        return byDatabasePattern.entrySet().stream()
                .anyMatch(e -> e.getValue().contains(privilege) && likeMatches(e.getKey(), database));
    }

    private static Map<String, Set<String>> read(Connection connection, String sql, String account) throws SQLException {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2).toUpperCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    /** Whether a database name matches a GRANT's database pattern ({@code _} and {@code %} wildcards, {@code \} escapes). */
    public static boolean likeMatches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            }
            else if (c == '_') {
                regex.append('.');
            }
            else if (c == '%') {
                regex.append(".*");
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }
}
