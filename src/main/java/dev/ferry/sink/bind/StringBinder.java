package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Character data, JSON, ENUM, SET, and the exact text of DECIMAL, BIGINT UNSIGNED and temporal values. */
final class StringBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setString(index, (String) value);
    }
}
