package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQL NULL, typed after the column's value kind. */
final class NullBinder implements ValueBinder {
    private final int sqlType;

    NullBinder(int sqlType) {
        this.sqlType = sqlType;
    }

    int sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setNull(index, sqlType);
    }
}
