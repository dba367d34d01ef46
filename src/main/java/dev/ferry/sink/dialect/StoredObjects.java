package dev.ferry.sink.dialect;

import java.sql.SQLException;
import java.util.Set;

/** What the sink needs to know about the statements of an OBJECTS batch and the errors they meet. */
public final class StoredObjects {
    /** ER_TABLE_EXISTS_ERROR (a view too), ER_SP_ALREADY_EXISTS, ER_TRG_ALREADY_EXISTS, ER_EVENT_ALREADY_EXISTS. */
    private static final Set<Integer> ALREADY_EXISTS = Set.of(1050, 1304, 1359, 1537);

    /** ER_BAD_DB_ERROR, ER_BAD_FIELD_ERROR, ER_NO_SUCH_TABLE, ER_VIEW_INVALID: a table, column or database it names is missing. */
    private static final Set<Integer> DEPENDENCY_MISSING = Set.of(1049, 1054, 1146, 1356);

    private StoredObjects() {
    }

    /** Whether the statement failed because its object exists: kept as it is, like an existing table. */
    public static boolean alreadyExists(SQLException e) {
        return ALREADY_EXISTS.contains(e.getErrorCode());
    }

    /** Whether a view statement failed because a database, table or column it names is not there. */
    public static boolean dependencyMissing(SQLException e) {
        return DEPENDENCY_MISSING.contains(e.getErrorCode());
    }

    /** The statement's first line, which names the object (DDL, never row values). */
    public static String describe(String ddl) {
        int end = ddl.indexOf('\n');
        String first = end < 0 ? ddl : ddl.substring(0, end);
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
