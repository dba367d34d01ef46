package dev.ferry.sink.dialect;

import dev.ferry.core.sql.SqlBuilder;

/** The {@code VALUES (?, ?), (?, ?)} tail of a multi-row INSERT or REPLACE. */
final class ValueRows {
    private ValueRows() {
    }

    static void append(SqlBuilder sql, int columns, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a VALUES list needs at least one row, got " + rows);
        }
        sql.sql(" VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.sql(r == 0 ? "(" : ", (").placeholders(columns).sql(")");
        }
    }

    /** A capacity hint for a builder that will hold {@code rows} rows of {@code columns} placeholders. */
    static int capacity(int columns, int rows) {
        return 64 + columns * 24 + rows * (columns * 3 + 4);
    }
}
