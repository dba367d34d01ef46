package dev.ferry.core.precheck.destination;

import dev.ferry.core.TableId;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.Subject;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code destination.names}: every destination database and table name is valid on the destination
 * (at most 64 characters, no trailing space, no character beyond U+FFFF), and names stay distinct
 * under the destination's {@code lower_case_table_names}.
 */
public final class NamesCheck extends Check {

    public NamesCheck() {
        super("destination.names", Subject.SELECTION,
                "Database and table names are valid on the destination, including lower_case_table_names");
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        long sourceCase = ServerVariables.globalLong(context.src().connection(), "lower_case_table_names", 0);
        long destinationCase = ServerVariables.globalLong(context.dst().connection(), "lower_case_table_names", 0);
        List<String> invalid = new ArrayList<>();
        List<String> collisions = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        Map<String, TableId> folded = new HashMap<>();
        for (TableId source : context.sourceTables().keySet()) {
            TableId target = context.destinationName(source);
            for (String name : List.of(target.database(), target.table())) {
                String problem = problem(name);
                if (problem != null) {
                    invalid.add(target + " (" + problem + ")");
                }
            }
            if (destinationCase != 0) {
                String key = target.toString().toLowerCase(Locale.ROOT);
                TableId other = folded.putIfAbsent(key, target);
                if (other != null) {
                    collisions.add(other + " and " + target);
                }
                if (destinationCase == 1 && !key.equals(target.toString())) {
                    renamed.add(target + " -> " + key);
                }
            }
        }
        String modes = "lower_case_table_names is " + sourceCase + " on the source and " + destinationCase + " on the destination.";
        if (!invalid.isEmpty()) {
            return fail("Some destination names are not valid MySQL names.", invalid,
                    "Rename the tables on the source, or map them to valid names (at most 64 characters, no trailing "
                    + "space, no characters beyond U+FFFF such as emoji).");
        }
        if (!collisions.isEmpty()) {
            return fail(modes + " Tables whose names differ only in case would become one table on the destination.",
                    collisions, "Rename one of each pair on the source (RENAME TABLE ...), map them to distinct names, or "
                    + "use a destination with lower_case_table_names=0 (set when its data directory is initialized).");
        }
        if (!renamed.isEmpty()) {
            return warn(modes + " These tables will be stored in lower case on the destination; queries on a case-"
                    + "sensitive source that spell them in upper case keep working (lookups fold case too).", renamed,
                    "Nothing needed for the data; acknowledge: precheck.acknowledged.warnings=" + id());
        }
        if (sourceCase != 0 && destinationCase == 0) {
            return warn(modes + " Table names are case-sensitive on the destination: applications that spell a name "
                    + "in other case than it is stored will fail after cutover.", List.of("lower_case_table_names=0"),
                    "Check that applications use the exact names, or use a destination with lower_case_table_names=1 "
                    + "(set when its data directory is initialized); then acknowledge: precheck.acknowledged.warnings=" + id());
        }
        return pass("All " + context.sourceTables().size() + " destination names are valid. " + modes);
    }

    private static String problem(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return "must be 1 to 64 characters, is " + name.length();
        }
        if (name.endsWith(" ")) {
            return "ends with a space";
        }
        if (name.codePoints().anyMatch(c -> c > 0xFFFF || c == 0)) {
            return "has a character beyond U+FFFF or NUL";
        }
        return null;
    }
}
