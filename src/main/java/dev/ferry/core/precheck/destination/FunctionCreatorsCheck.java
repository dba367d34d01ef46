package dev.ferry.core.precheck.destination;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.AccountPrivileges;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.SchemaObjects;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code destination.function_creators}: with binary logging on, MySQL lets a user without SUPER create
 * stored functions and triggers only when {@code log_bin_trust_function_creators=1} (error 1419).
 */
public final class FunctionCreatorsCheck extends Check {

    public FunctionCreatorsCheck() {
        super("destination.function_creators", Subject.DESTINATION_SERVER, "With binary logging on the destination, the "
                + "destination user may create the selected functions and triggers (SUPER or log_bin_trust_function_creators=1)");
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
        SchemaObjects objects = context.schemaObjects();
        List<String> concerned = new ArrayList<>();
        objects.routines().stream().filter(r -> r.type().equalsIgnoreCase("FUNCTION")).forEach(r -> concerned.add(r.describe()));
        objects.triggers().forEach(t -> concerned.add("trigger " + t.id()));
        if (concerned.isEmpty()) {
            return pass("The selection has no stored function or trigger.");
        }
        boolean logBin;
        boolean trusted;
        try (Statement s = context.dst().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.log_bin, @@GLOBAL.log_bin_trust_function_creators")) {
            rs.next();
            logBin = rs.getBoolean(1);
            trusted = rs.getBoolean(2);
        }
        String account = context.dst().account();
        if (!logBin || trusted || AccountPrivileges.read(context.dst().connection(), account).holdsGlobally("SUPER")) {
            return pass(account + " may create the " + concerned.size() + " functions and triggers (" + (!logBin
                    ? "binary logging is off" : trusted ? "log_bin_trust_function_creators=1" : "it holds SUPER") + ").");
        }
        return fail("Binary logging is on at the destination, log_bin_trust_function_creators=0 and " + account + " lacks SUPER: "
                + "MySQL refuses to let it create stored functions and triggers (error 1419), so these would not be created.",
                concerned, SettingFix.set(context.dst().server(), "log_bin_trust_function_creators", "1"));
    }
}
