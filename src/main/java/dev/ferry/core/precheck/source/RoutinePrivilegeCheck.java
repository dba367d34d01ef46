package dev.ferry.core.precheck.source;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.AccountPrivileges;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.SchemaObjects;
import dev.ferry.core.precheck.ServerInfo;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code source.privilege.routines}: for schema migration, the source user can read the body of every
 * procedure and function of the databases selected as a whole. {@code SHOW CREATE} is run for each: a body
 * that reads as NULL (the user may execute the routine but not read it) fails, naming the routine. A user
 * without the privilege that reveals every routine (8.0: global SELECT or SHOW_ROUTINE; 5.7: SELECT on
 * mysql.proc, tried) may not see some routines at all, which fails too, naming the databases.
 */
public final class RoutinePrivilegeCheck extends Check {
    private static final int ACCESS_DENIED = 1142;

    public RoutinePrivilegeCheck() {
        super("source.privilege.routines", Subject.SOURCE_USER, "The source user can read the bodies of the procedures and "
                + "functions of the databases selected as a whole");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Connection connection = context.src().connection();
        String account = context.src().account();
        List<String> unreadable = new ArrayList<>();
        for (SchemaObjects.Routine routine : context.schemaObjects().routines()) {
            String sql = new SqlBuilder().sql("SHOW CREATE " + routine.type() + " ").table(routine.id()).toString();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next() || rs.getString(3) == null) {
                    unreadable.add(routine.describe());
                }
            }
        }
        Set<String> wholeDatabases = new TreeSet<>();
        context.sourceTables().keySet().stream().map(t -> t.database()).filter(context::isWholeDatabaseSelected)
                .forEach(wholeDatabases::add);
        boolean seesAll = seesEveryRoutine(connection, context.src().server(), account);
        String fix = fix(context.src().server(), account);
        if (!unreadable.isEmpty()) {
            return fail(account + " can see " + unreadable.size() + " routines but their bodies read as NULL (SHOW CREATE), so "
                    + "schema migration cannot create them.", unreadable, fix);
        }
        if (!seesAll && !wholeDatabases.isEmpty()) {
            return fail(account + " lacks the privilege that shows every routine's definition, so MySQL may hide procedures "
                    + "and functions of the databases selected as a whole from it, and they would not be migrated.",
                    List.copyOf(wholeDatabases), fix);
        }
        int count = context.schemaObjects().routines().size();
        return pass(count == 0 ? "The databases selected as a whole hold no procedure or function " + account + " can see."
                : account + " can read the bodies of all " + count + " procedures and functions.");
    }

    private static boolean seesEveryRoutine(Connection connection, ServerInfo server, String account) throws SQLException {
        AccountPrivileges privileges = AccountPrivileges.read(connection, account);
        if (privileges.holdsGlobally("SELECT") || privileges.holdsGlobally("SHOW_ROUTINE")) {
            return true;
        }
        if (server.atLeast(8, 0, 0)) {
            return false;
        }
        try (Statement s = connection.createStatement(); ResultSet ignored = s.executeQuery("SELECT 1 FROM mysql.proc LIMIT 0")) {
            return true;
        }
        catch (SQLException e) {
            if (e.getErrorCode() != ACCESS_DENIED) {
                throw e;
            }
            return false;
        }
    }

    private static String fix(ServerInfo server, String account) {
        if (!server.atLeast(8, 0, 0)) {
            return "GRANT SELECT ON mysql.proc TO " + account + ";";
        }
        return server.atLeast(8, 0, 20) ? "GRANT SHOW_ROUTINE ON *.* TO " + account + ";" : "GRANT SELECT ON *.* TO " + account
                + "; (MySQL before 8.0.20 shows routine bodies only to their definer and to global SELECT)";
    }
}
