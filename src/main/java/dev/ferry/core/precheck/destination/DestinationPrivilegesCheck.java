package dev.ferry.core.precheck.destination;

import dev.ferry.core.TableId;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code destination.privileges}: the destination user holds SELECT, INSERT, UPDATE, DELETE and CREATE
 * on every destination database and on the state database, globally or per database
 * ({@code information_schema.USER_PRIVILEGES} and {@code SCHEMA_PRIVILEGES}).
 */
public final class DestinationPrivilegesCheck extends Check {
    private enum Privilege { SELECT, INSERT, UPDATE, DELETE, CREATE }

    public DestinationPrivilegesCheck() {
        super("destination.privileges", Subject.DESTINATION_USER,
                "The destination user has SELECT, INSERT, UPDATE, DELETE, CREATE on the destination and state databases");
    }

    @Override
    public boolean needsSource() {
        return false;
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Set<String> databases = new TreeSet<>();
        databases.add(context.stateDatabase());
        if (context.source().isPresent()) {
            for (TableId id : context.sourceTables().keySet()) {
                databases.add(context.destinationName(id).database());
            }
        }
        Connection connection = context.dst().connection();
        String account = context.dst().account();
        Set<Privilege> global = global(connection, account);
        Map<String, Set<Privilege>> perPattern = perDatabase(connection, account);
        Map<String, Set<Privilege>> missing = new LinkedHashMap<>();
        for (String database : databases) {
            Set<Privilege> held = EnumSet.noneOf(Privilege.class);
            held.addAll(global);
            perPattern.forEach((pattern, privileges) -> {
                if (likeMatches(pattern, database)) {
                    held.addAll(privileges);
                }
            });
            Set<Privilege> lacking = EnumSet.allOf(Privilege.class);
            lacking.removeAll(held);
            if (!lacking.isEmpty()) {
                missing.put(database, lacking);
            }
        }
        String scope = context.source().isPresent() ? "" : " (only the state database is known without the source's selection)";
        if (missing.isEmpty()) {
            return pass(account + " has SELECT, INSERT, UPDATE, DELETE and CREATE on " + String.join(", ", databases) + scope + ".");
        }
        List<String> objects = new ArrayList<>();
        List<String> grants = new ArrayList<>();
        missing.forEach((database, lacking) -> {
            String list = String.join(", ", lacking.stream().map(Enum::name).toList());
            objects.add(database + " (" + list + ")");
            grants.add("GRANT " + list + " ON " + SqlBuilder.quote(database) + ".* TO " + account + ";");
        });
        return fail(account + " lacks privileges the sink needs on " + missing.size() + " destination databases" + scope
                + ": it creates missing tables and the progress table, and writes rows (privileges held only through "
                + "roles are not counted).", objects, String.join(" ", grants));
    }

    private static Set<Privilege> global(Connection connection, String account) throws SQLException {
        return privileges(connection, "SELECT '', PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ?", account)
                .getOrDefault("", EnumSet.noneOf(Privilege.class));
    }

    private static Map<String, Set<Privilege>> perDatabase(Connection connection, String account) throws SQLException {
        return privileges(connection, "SELECT TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?",
                account);
    }

    private static Map<String, Set<Privilege>> privileges(Connection connection, String sql, String account) throws SQLException {
        Map<String, Set<Privilege>> result = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2).toUpperCase(Locale.ROOT);
                    for (Privilege p : Privilege.values()) {
                        if (p.name().equals(type)) {
                            result.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Privilege.class)).add(p);
                        }
                    }
                }
            }
        }
        return result;
    }

    /** Whether a database name matches a GRANT's database pattern ({@code _} and {@code %} wildcards, {@code \} escapes). */
    static boolean likeMatches(String pattern, String name) {
        return dev.ferry.core.precheck.AccountPrivileges.likeMatches(pattern, name);
    }
}
