package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Integers and YEAR. */
final class LongBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setLong(index, (Long) value);
    }
}
