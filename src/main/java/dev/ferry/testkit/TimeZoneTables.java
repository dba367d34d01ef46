package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills MySQL's {@code mysql.time_zone*} tables for named zones from Java's own time-zone rules,
 * what {@code mysql_tzinfo_to_sql} does from the system's zoneinfo files (the test servers ship
 * without that tool and with the tables empty). Transitions are written from 1900 to 2040, which
 * covers MySQL's whole TIMESTAMP range. Rows are written with {@code sql_log_bin=0}, so a source
 * server's binlog never carries them.
 */
public final class TimeZoneTables {
    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2040-01-01T00:00:00Z");

    private TimeZoneTables() {
    }

    /** One transition type: an offset from UTC and whether it is daylight saving time. */
    record TransitionType(int offsetSeconds, boolean dst) {
    }

    /** One transition: from {@code epochSecond} on, the zone runs at {@code type}. */
    record Transition(long epochSecond, int type) {
    }

    /** A zone's transition types (type 0 is the offset before the first transition) and transitions. */
    record Zone(String name, List<TransitionType> types, List<Transition> transitions) {
    }

    /** The zone's rules as MySQL's tables hold them. */
    static Zone zone(String name) {
        ZoneRules rules = ZoneId.of(name).getRules();
        Map<TransitionType, Integer> types = new LinkedHashMap<>();
        ZoneOffset before = rules.getOffset(FIRST);
        types.put(new TransitionType(before.getTotalSeconds(), rules.isDaylightSavings(FIRST)), 0);
        List<Transition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(FIRST);
        while (next != null && next.getInstant().isBefore(LAST)) {
            Instant at = next.getInstant();
            TransitionType type = new TransitionType(next.getOffsetAfter().getTotalSeconds(), rules.isDaylightSavings(at));
            Integer id = types.computeIfAbsent(type, t -> types.size());
            transitions.add(new Transition(at.getEpochSecond(), id));
            next = rules.nextTransition(at);
        }
        return new Zone(name, List.copyOf(types.keySet()), transitions);
    }

    /** Loads each named zone (e.g. {@code Europe/Berlin}) into the server the connection is on. */
    public static void load(Connection connection, String... zoneNames) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 0");
        }
        for (String name : zoneNames) {
            load(connection, zone(name));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 1");
        }
    }

    private static void load(Connection connection, Zone zone) throws SQLException {
        long id;
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO mysql.time_zone (Use_leap_seconds) VALUES ('N')", Statement.RETURN_GENERATED_KEYS);
            try (var keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO mysql.time_zone_name (Name, Time_zone_id) VALUES (?, ?)")) {
            ps.setString(1, zone.name());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO mysql.time_zone_transition_type "
                + "(Time_zone_id, Transition_type_id, Offset, Is_DST, Abbreviation) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < zone.types().size(); i++) {
                TransitionType type = zone.types().get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setInt(3, type.offsetSeconds());
                ps.setInt(4, type.dst() ? 1 : 0);
                ps.setString(5, type.dst() ? "DST" : "STD");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO mysql.time_zone_transition (Time_zone_id, Transition_time, Transition_type_id) VALUES (?, ?, ?)")) {
            for (Transition t : zone.transitions()) {
                ps.setLong(1, id);
                ps.setLong(2, t.epochSecond());
                ps.setInt(3, t.type());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
