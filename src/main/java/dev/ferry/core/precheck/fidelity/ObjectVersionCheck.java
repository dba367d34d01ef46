package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.DefinitionText;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fidelity.objects.version}: objects schema migration would create that the destination's version
 * cannot carry. From 8.0 to 5.7: functional index key parts and invisible columns (the table is refused:
 * FAIL), descending indexes and CHECK constraints (5.7 accepts and ignores them, so index order and the
 * constraint are lost: WARN). From 5.7 to 8.0: routine, trigger and event bodies that use a word 8.0
 * reserves as a bare identifier (the destination refuses the object: FAIL); table and view definitions are
 * written by the server with quoted names and are not affected.
 */
public final class ObjectVersionCheck extends Check {
    private static final String SYSTEM = "('mysql', 'sys', 'information_schema', 'performance_schema')";
    private static final String DESCENDING = "SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS "
            + "WHERE COLLATION = 'D' AND TABLE_SCHEMA NOT IN " + SYSTEM;
    private static final String FUNCTIONAL = "SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS "
            + "WHERE EXPRESSION IS NOT NULL AND TABLE_SCHEMA NOT IN " + SYSTEM;
    private static final String INVISIBLE = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
            + "WHERE EXTRA LIKE '%INVISIBLE%' AND TABLE_SCHEMA NOT IN " + SYSTEM;
    private static final String CHECKS = "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS t "
            + "WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA NOT IN " + SYSTEM;
    private static final String BODIES = "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, CONCAT(LOWER(ROUTINE_TYPE), ' '), ROUTINE_DEFINITION "
            + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA NOT IN " + SYSTEM
            + " UNION ALL SELECT TRIGGER_SCHEMA, TRIGGER_NAME, 'trigger ', ACTION_STATEMENT FROM information_schema.TRIGGERS "
            + "WHERE TRIGGER_SCHEMA NOT IN " + SYSTEM;
    private static final String EVENT_BODIES = "SELECT EVENT_SCHEMA, EVENT_NAME, 'event ', EVENT_DEFINITION FROM information_schema.EVENTS "
            + "WHERE EVENT_SCHEMA NOT IN " + SYSTEM;

    public ObjectVersionCheck() {
        super("fidelity.objects.version", Subject.DESTINATION_SERVER, "The objects to create use no feature the destination "
                + "version lacks (8.0 to 5.7: functional and descending indexes, invisible columns, CHECK; 5.7 to 8.0: words 8.0 "
                + "reserves in routine, trigger and event bodies)");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        ServerInfo source = context.src().server();
        ServerInfo destination = context.dst().server();
        List<String> refused = new ArrayList<>();
        List<String> weakened = new ArrayList<>();
        Connection connection = context.src().connection();
        Set<TableId> created = new HashSet<>();
        for (TableId table : context.sourceTables().keySet()) {
            if (context.destinationTable(table).isEmpty()) {
                created.add(table);
            }
        }
        if (source.atLeast(8, 0, 0) && !destination.atLeast(8, 0, 0)) {
            collect(connection, FUNCTIONAL, created, "functional index ", " (5.7 has no functional key parts)", refused);
            collect(connection, INVISIBLE, created, "invisible column ", " (5.7 has no invisible columns)", refused);
            collect(connection, DESCENDING, created, "descending index ", " (5.7 builds it ascending)", weakened);
            if (source.atLeast(8, 0, 16)) {
                collect(connection, CHECKS, created, "CHECK constraint ", " (5.7 does not enforce it)", weakened);
            }
        }
        if (!source.atLeast(8, 0, 0) && destination.atLeast(8, 0, 0)) {
            reservedWords(context, connection, BODIES, refused);
            if (context.migratesEvents()) {
                reservedWords(context, connection, EVENT_BODIES, refused);
            }
        }
        List<String> all = new ArrayList<>(refused);
        all.addAll(weakened);
        if (all.isEmpty()) {
            return pass("The objects to create use no feature " + destination.description() + " lacks.");
        }
        String fix = "Redefine these objects on the source without the feature (for bodies: quote the word as an identifier, "
                + "`rank`), or migrate to a destination version that has it; then run the precheck again.";
        if (refused.isEmpty()) {
            return warn(weakened.size() + " objects use features " + destination.description() + " accepts but ignores, so they "
                    + "behave differently there.", all, fix + " Or acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return fail(refused.size() + " objects use features " + destination.description() + " refuses, so they would not be created"
                + (weakened.isEmpty() ? "" : ", and " + weakened.size() + " use features it ignores") + ".", all, fix);
    }

    private static void collect(Connection connection, String sql, Set<TableId> created, String what, String why,
                                List<String> out) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                TableId table = new TableId(rs.getString(1), rs.getString(2));
                if (created.contains(table)) {
                    out.add(what + table + "." + rs.getString(3) + why);
                }
            }
        }
    }

    private static void reservedWords(PrecheckContext context, Connection connection, String sql, List<String> out) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String body = rs.getString(4);
                if (body == null || !context.isWholeDatabaseSelected(rs.getString(1))) {
                    continue;   // an unreadable body is source.privilege.routines' to report
                }
                Set<String> words = DefinitionText.reservedSince80(body);
                if (!words.isEmpty()) {
                    out.add(rs.getString(3) + rs.getString(1) + "." + rs.getString(2) + " uses " + String.join(", ", words)
                            + " as a bare identifier (reserved in MySQL 8.0)");
                }
            }
        }
    }
}
