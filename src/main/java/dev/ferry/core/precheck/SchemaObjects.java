package dev.ferry.core.precheck;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The objects schema migration creates besides tables, as the source's {@code information_schema} shows
 * them to the source user: the views, routines, triggers and events of the databases selected as a whole,
 * and every foreign key of the server (checks decide which ends are migrated). Read once per precheck run.
 *
 * @param views views with their definitions (the server writes references qualified: {@code `db`.`t`})
 * @param routines procedures and functions
 * @param triggers triggers, each on its table
 * @param events events (only read when the migration includes them)
 * @param foreignKeys every foreign key whose child is a user table
 */
public record SchemaObjects(List<View> views, List<Routine> routines, List<Trigger> triggers, List<TableId> events,
                            List<ForeignKey> foreignKeys) {
    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final String SYSTEM = "('mysql', 'sys', 'information_schema', 'performance_schema')";
    private static final String VIEWS = "SELECT TABLE_SCHEMA, TABLE_NAME, SECURITY_TYPE FROM information_schema.VIEWS "
            + "WHERE TABLE_SCHEMA NOT IN " + SYSTEM + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String ROUTINES = "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, SECURITY_TYPE, DEFINER "
            + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA NOT IN " + SYSTEM + " ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME";
    private static final String TRIGGERS = "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
            + "WHERE TRIGGER_SCHEMA NOT IN " + SYSTEM + " ORDER BY TRIGGER_SCHEMA, TRIGGER_NAME";
    private static final String EVENTS = "SELECT EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA NOT IN "
            + SYSTEM + " ORDER BY EVENT_SCHEMA, EVENT_NAME";
    private static final String FOREIGN_KEYS = "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
            + "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
            + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
            + "WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND k.TABLE_SCHEMA NOT IN " + SYSTEM
            + " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    /**
     * A view; {@code definerSecurity} when it runs with its definer's rights ({@code SQL SECURITY DEFINER}).
     * The definition is {@code SHOW CREATE VIEW}'s (information_schema's is empty for a user that is not the
     * definer); empty when the user may not read it ({@code source.privilege.show_view} reports that).
     */
    public record View(TableId id, String definition, boolean definerSecurity) {
    }

    /** A stored procedure or function. */
    public record Routine(TableId id, String type, boolean definerSecurity, String definer) {
        /** {@code procedure db.name} or {@code function db.name}. */
        public String describe() {
            return type.toLowerCase(java.util.Locale.ROOT) + " " + id;
        }
    }

    /** A trigger {@code id} on {@code table}. */
    public record Trigger(TableId id, TableId table) {
    }

    public SchemaObjects {
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        events = List.copyOf(events);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * Reads the objects of the databases {@code wholeDatabase} accepts, and every foreign key.
     *
     * @param withEvents whether events are read (schema.events)
     */
    public static SchemaObjects read(Connection connection, Predicate<String> wholeDatabase, boolean withEvents) throws SQLException {
        List<View> views = new ArrayList<>();
        List<Routine> routines = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<TableId> events = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(VIEWS)) {
                while (rs.next()) {
                    if (wholeDatabase.test(rs.getString(1))) {
                        views.add(new View(new TableId(rs.getString(1), rs.getString(2)), "",
                                "DEFINER".equalsIgnoreCase(rs.getString(3))));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(ROUTINES)) {
                while (rs.next()) {
                    if (wholeDatabase.test(rs.getString(1))) {
                        routines.add(new Routine(new TableId(rs.getString(1), rs.getString(2)), rs.getString(3),
                                "DEFINER".equalsIgnoreCase(rs.getString(4)), rs.getString(5)));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    if (wholeDatabase.test(rs.getString(1))) {
                        triggers.add(new Trigger(new TableId(rs.getString(1), rs.getString(2)), new TableId(rs.getString(1), rs.getString(3))));
                    }
                }
            }
            if (withEvents) {
                try (ResultSet rs = s.executeQuery(EVENTS)) {
                    while (rs.next()) {
                        if (wholeDatabase.test(rs.getString(1))) {
                            events.add(new TableId(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
        }
        List<View> defined = new ArrayList<>();
        for (View view : views) {
            defined.add(new View(view.id(), viewDefinition(connection, view.id()), view.definerSecurity()));
        }
        return new SchemaObjects(defined, routines, triggers, events, foreignKeys(connection));
    }

    private static String viewDefinition(Connection connection, TableId view) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(new SqlBuilder().sql("SHOW CREATE VIEW ").table(view).toString())) {
            return rs.next() && rs.getString(2) != null ? rs.getString(2) : "";
        }
        catch (SQLException e) {
            if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
                throw e;
            }
            return "";
        }
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(FOREIGN_KEYS)) {
            while (rs.next()) {
                String[] row = new String[9];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.computeIfAbsent(row[0] + "\u0000" + row[1] + "\u0000" + row[2], k -> new ArrayList<>()).add(row);
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> columns : rows.values()) {
            String[] first = columns.get(0);
            keys.add(new ForeignKey(first[2], new TableId(first[0], first[1]), columns.stream().map(c -> c[3]).toList(),
                    new TableId(first[4], first[5]), columns.stream().map(c -> c[6]).toList(),
                    ForeignKey.Action.ofRule(first[7]), ForeignKey.Action.ofRule(first[8])));
        }
        return keys;
    }
}
