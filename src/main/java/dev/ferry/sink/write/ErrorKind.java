package dev.ferry.sink.write;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Whether retrying a failed write can succeed. */
public enum ErrorKind {
    /**
     * The connection or a lock failed, not the data: lost connections, lock wait timeouts,
     * deadlocks, a server shutting down or out of connections. Roll back and retry the same batch.
     */
    TRANSIENT,
    /** The data or the schema is wrong (too long, out of range, constraint, unknown column): retrying cannot help. */
    PERMANENT;

    /** 1205 lock wait timeout, 1213 deadlock, 1040 too many connections, 1053 shutdown, 2006/2013 connection lost. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1205, 1213, 1040, 1053, 2006, 2013);

    /** Classifies an exception by every exception in its cause and next-exception chains. */
    public static ErrorKind of(SQLException error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = next(t), depth++) {
            if (isTransient(t)) {
                return TRANSIENT;
            }
        }
        return PERMANENT;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return (state != null && state.startsWith("08")) || TRANSIENT_CODES.contains(sql.getErrorCode());
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t.getCause();
    }
}
