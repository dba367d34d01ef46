package dev.ferry.source.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.StoredObjectDdl;
import dev.ferry.core.ddl.DdlToken;
import dev.ferry.core.ddl.DdlTokenizer;
import dev.ferry.core.ddl.StoredObjectRewriter;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the views, stored procedures and functions and triggers of a database selected as a whole,
 * and returns the destination's DDL for them: views in dependency order (a view after the views it
 * reads), then functions, procedures, triggers and, when asked, events. Each routine, trigger and event is
 * preceded by {@code SET SESSION sql_mode} with the mode it was created under on the source, which MySQL
 * stores with it.
 */
public final class StoredObjectReader {
    private static final Pattern SQL_MODE = Pattern.compile("[A-Z0-9_,]*");
    private static final Set<String> REMOVED_IN_80 = Set.of("NO_AUTO_CREATE_USER", "DB2", "MAXDB", "MSSQL", "MYSQL323", "MYSQL40",
            "ORACLE", "POSTGRESQL", "NO_FIELD_OPTIONS", "NO_KEY_OPTIONS", "NO_TABLE_OPTIONS");
    private static final String VIEWS = "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME";
    private static final String ROUTINES = "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES "
            + "WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_TYPE, ROUTINE_NAME";
    private static final String TRIGGERS = "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
            + "ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER";
    private static final String EVENTS = "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME";
    private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z0-9_+:/-]+");

    private final StoredObjectRewriter rewriter;
    private final boolean events;

    /**
     * @param events whether the database's events are read too (schema.events)
     */
    public StoredObjectReader(ObjectMapping mapping, boolean events) {
        this.rewriter = new StoredObjectRewriter(mapping);
        this.events = events;
    }

    /** The statements creating the database's views, routines and triggers on the destination. */
    public List<String> statements(Connection connection, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        Map<String, String> views = new LinkedHashMap<>();
        for (String view : names(connection, VIEWS, database)) {
            views.put(view, showCreate(connection, "VIEW", database, view, 2));
        }
        for (String view : dependencyOrder(database, views)) {
            out.add(rewriter.view(database, views.get(view)));
        }
        for (String[] routine : routines(connection, database)) {
            String[] create = showCreateWithMode(connection, routine[1], database, routine[0]);
            out.add(sqlMode(create[0], routine[1] + " " + database + "." + routine[0]));
            out.add(rewriter.routine(database, create[1]));
        }
        for (String trigger : names(connection, TRIGGERS, database)) {
            String[] create = showCreateWithMode(connection, "TRIGGER", database, trigger);
            out.add(sqlMode(create[0], "trigger " + database + "." + trigger));
            out.add(rewriter.trigger(database, create[1]));
        }
        if (events) {
            for (String event : names(connection, EVENTS, database)) {
                out.addAll(event(connection, database, event));
            }
        }
        return out;
    }

    /**
     * The destination's statements for one view, procedure or function as the source defines it now, rewritten
     * as schema migration rewrites it: for a routine, the sql_mode it was created under first; empty when the
     * object no longer exists on the source.
     */
    public List<String> statements(Connection connection, StoredObjectDdl.Kind kind, TableId object) throws SQLException {
        try {
            if (kind == StoredObjectDdl.Kind.VIEW) {
                return List.of(rewriter.view(object.database(), showCreate(connection, "VIEW", object.database(), object.table(), 2)));
            }
            String[] create = showCreateWithMode(connection, kind.name(), object.database(), object.table());
            return List.of(sqlMode(create[0], kind.name().toLowerCase(java.util.Locale.ROOT) + " " + object),
                    rewriter.routine(object.database(), create[1]));
        }
        catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1305) {      // ER_NO_SUCH_TABLE, ER_SP_DOES_NOT_EXIST
                return List.of();
            }
            throw e;
        }
    }

    /** An event, under the sql_mode and time zone its schedule was written in on the source, created DISABLED. */
    private List<String> event(Connection connection, String database, String name) throws SQLException {
        String sql = new SqlBuilder().sql("SHOW CREATE EVENT ").table(new TableId(database, name)).toString();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next() || result.getString(4) == null) {
                throw new SQLException("The source user cannot read the definition of event " + database + "." + name
                        + "; grant it EVENT on " + database + ".*, or set schema.events=false");
            }
            String zone = result.getString(3);
            if (!TIME_ZONE.matcher(zone).matches()) {
                throw new IllegalStateException("The time zone of event " + database + "." + name + " is not a zone name: " + zone);
            }
            return List.of(sqlMode(result.getString(2), "event " + database + "." + name),
                    "SET SESSION time_zone = '" + zone + "'", rewriter.event(database, result.getString(4)));
        }
    }

    /** Views after the views their definitions name (the server writes them qualified: `db`.`view`). */
    static List<String> dependencyOrder(String database, Map<String, String> definitions) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        definitions.forEach((view, text) -> {
            Set<String> used = new LinkedHashSet<>();
            List<DdlToken> tokens = DdlTokenizer.tokenize(text);
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (tokens.get(i).type() == DdlToken.Type.QUOTED_IDENTIFIER && tokens.get(i).name().equals(database)
                        && tokens.get(i + 1).isSymbol(".") && definitions.containsKey(tokens.get(i + 2).name())
                        && !tokens.get(i + 2).name().equals(view)) {
                    used.add(tokens.get(i + 2).name());
                }
            }
            needs.put(view, used);
        });
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < needs.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> view : needs.entrySet()) {
                if (!placed.contains(view.getKey()) && placed.containsAll(view.getValue())) {
                    order.add(view.getKey());
                    placed.add(view.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the views of " + database + " reference each other in a cycle: " + needs);
            }
        }
        return order;
    }

    /**
     * {@code SET SESSION sql_mode} for an object created under {@code mode} on the source, without the modes
     * MySQL 8.0 removed (a 5.7 routine's NO_AUTO_CREATE_USER, which only ever concerned GRANT, would make
     * the statement fail there).
     */
    static String sqlMode(String mode, String object) {
        if (!SQL_MODE.matcher(mode).matches()) {
            throw new IllegalStateException("The sql_mode of " + object + " is not a list of modes: " + mode);
        }
        String kept = java.util.Arrays.stream(mode.split(",")).filter(m -> !m.isEmpty() && !REMOVED_IN_80.contains(m))
                .collect(java.util.stream.Collectors.joining(","));
        return "SET SESSION sql_mode = '" + kept + "'";
    }

    private static List<String> names(Connection connection, String sql, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String[]> routines(Connection connection, String database) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ROUTINES)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return out;
    }

    private static String showCreate(Connection connection, String kind, String database, String name, int column) throws SQLException {
        String sql = new SqlBuilder().sql("SHOW CREATE " + kind + " ").table(new TableId(database, name)).toString();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next() || result.getString(column) == null) {
                throw new SQLException("The source user cannot read the definition of " + kind.toLowerCase() + " " + database + "."
                        + name + " (" + sql + " returned none); grant it SHOW VIEW, or SELECT on mysql.* (5.7) / SHOW_ROUTINE (8.0.20+)");
            }
            return result.getString(column);
        }
    }

    /** The sql_mode (second column) and the CREATE statement (third column) of a routine or trigger. */
    private static String[] showCreateWithMode(Connection connection, String kind, String database, String name) throws SQLException {
        String sql = new SqlBuilder().sql("SHOW CREATE " + kind + " ").table(new TableId(database, name)).toString();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next() || result.getString(3) == null) {
                throw new SQLException("The source user cannot read the definition of " + kind.toLowerCase() + " " + database + "."
                        + name + " (" + sql + " returned none); grant it SELECT on mysql.* (5.7) or SHOW_ROUTINE (8.0.20+), "
                        + "or TRIGGER on the table");
            }
            return new String[] {result.getString(2), result.getString(3)};
        }
    }
}
