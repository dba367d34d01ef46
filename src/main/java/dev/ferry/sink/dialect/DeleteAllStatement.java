package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

/**
 * {@code DELETE FROM t}: empties a destination table when a new snapshot attempt starts. A DELETE,
 * not TRUNCATE, so it commits atomically with the progress row that records the new attempt.
 */
public final class DeleteAllStatement {
    private DeleteAllStatement() {
    }

    public static String sql(TableId table) {
        return new SqlBuilder().sql("DELETE FROM ").table(table).toString();
    }
}
