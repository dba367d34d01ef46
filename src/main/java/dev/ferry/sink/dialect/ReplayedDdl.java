package dev.ferry.sink.dialect;

import java.sql.SQLException;
import java.util.Set;

/** The errors that say a replayed DDL statement's effect is already on the destination. */
public final class ReplayedDdl {
    /**
     * ER_TABLE_EXISTS_ERROR, ER_BAD_TABLE_ERROR (unknown table on DROP), ER_DUP_FIELDNAME,
     * ER_DUP_KEYNAME, ER_CANT_DROP_FIELD_OR_KEY, ER_BAD_FIELD_ERROR (a renamed or dropped column already gone).
     */
    private static final Set<Integer> ALREADY_APPLIED = Set.of(1050, 1051, 1060, 1061, 1091, 1054);

    private ReplayedDdl() {
    }

    public static boolean alreadyApplied(SQLException e) {
        return ALREADY_APPLIED.contains(e.getErrorCode());
    }
}
