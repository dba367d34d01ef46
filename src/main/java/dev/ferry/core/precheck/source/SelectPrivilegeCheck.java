package dev.ferry.core.precheck.source;

import dev.ferry.core.TableId;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code source.privilege.select}: the user can SELECT every selected table (tried with {@code LIMIT 0}). */
public final class SelectPrivilegeCheck extends Check {
    private static final int TABLE_ACCESS_DENIED = 1142;

    public SelectPrivilegeCheck() {
        super("source.privilege.select", Subject.SOURCE_USER, "The source user has SELECT on every selected table");
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        Set<String> visible = new TreeSet<>();
        try (Statement s = context.src().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            while (rs.next()) {
                visible.add(rs.getString(1));
            }
        }
        List<String> invisible = SelectionExistsCheck.unmatchedDatabases(context, visible);
        List<String> denied = new ArrayList<>(invisible);
        Set<String> grantOn = new TreeSet<>(invisible);
        for (TableId table : context.sourceTables().keySet()) {
            String sql = new SqlBuilder().sql("SELECT 1 FROM ").table(table).sql(" LIMIT 0").toString();
            try (Statement s = context.src().connection().createStatement(); ResultSet ignored = s.executeQuery(sql)) {
                // readable
            }
            catch (SQLException e) {
                if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
                    throw e;
                }
                denied.add(table.toString());
                grantOn.add(table.database());
            }
        }
        if (denied.isEmpty()) {
            return pass(context.src().account() + " can read all " + context.sourceTables().size() + " selected tables.");
        }
        String account = context.src().account();
        return fail(account + " lacks SELECT on " + denied.size() + " selected databases or tables (a database it has no "
                + "privilege on at all is invisible to it).", denied, String.join(" ", grantOn.stream()
                .map(d -> "GRANT SELECT ON " + SqlBuilder.quote(d) + ".* TO " + account + ";").toList()));
    }
}
