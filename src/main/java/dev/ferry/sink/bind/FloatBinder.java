package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** FLOAT values written to a column; the binary protocol carries the four bytes exactly. */
final class FloatBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setFloat(index, (Float) value);
    }
}
