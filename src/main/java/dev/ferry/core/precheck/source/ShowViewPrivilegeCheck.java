package dev.ferry.core.precheck.source;

import dev.ferry.core.TableId;
import dev.ferry.core.config.MigrationType;
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

/** {@code source.privilege.show_view}: for schema migration, the user can read the definition of every view in the selected databases. */
public final class ShowViewPrivilegeCheck extends Check {
    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final String VIEWS = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'VIEW' "
            + "ORDER BY TABLE_SCHEMA, TABLE_NAME";

    public ShowViewPrivilegeCheck() {
        super("source.privilege.show_view", Subject.SOURCE_USER, "The source user has SHOW VIEW on the views of the selected databases");
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<TableId> views = new ArrayList<>();
        try (Statement s = context.src().connection().createStatement(); ResultSet rs = s.executeQuery(VIEWS)) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (context.selection().includesDatabase(id.database())) {
                    views.add(id);
                }
            }
        }
        List<String> denied = new ArrayList<>();
        Set<String> databases = new TreeSet<>();
        for (TableId view : views) {
            try (Statement s = context.src().connection().createStatement();
                 ResultSet ignored = s.executeQuery(new SqlBuilder().sql("SHOW CREATE VIEW ").table(view).toString())) {
                // definition readable
            }
            catch (SQLException e) {
                if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
                    throw e;
                }
                denied.add(view.toString());
                databases.add(view.database());
            }
        }
        if (views.isEmpty()) {
            return pass("The selected databases hold no view " + context.src().account() + " can see.");
        }
        if (denied.isEmpty()) {
            return pass(context.src().account() + " can read the definitions of all " + views.size() + " views.");
        }
        String account = context.src().account();
        return fail(account + " cannot read the definitions of " + denied.size() + " views (SHOW CREATE VIEW is refused); "
                + "schema migration needs them.", denied, String.join(" ", databases.stream()
                .map(d -> "GRANT SHOW VIEW ON " + SqlBuilder.quote(d) + ".* TO " + account + ";").toList()));
    }
}
