package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** DOUBLE values. */
final class DoubleBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setDouble(index, (Double) value);
    }
}
