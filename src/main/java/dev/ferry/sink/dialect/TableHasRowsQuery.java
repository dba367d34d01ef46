package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

/** {@code SELECT 1 FROM t LIMIT 1}: whether a destination table holds any row. */
public final class TableHasRowsQuery {
    private TableHasRowsQuery() {
    }

    public static String sql(TableId table) {
        return new SqlBuilder().sql("SELECT 1 FROM ").table(table).sql(" LIMIT 1").toString();
    }
}
