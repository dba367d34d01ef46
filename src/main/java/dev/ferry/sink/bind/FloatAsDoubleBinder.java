package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * FLOAT values compared with a column in a WHERE clause. MySQL compares a FLOAT column as a double,
 * so the parameter is the float widened to exactly the same double; a float parameter can be
 * rounded on the way (as decimal text, for instance) and then match nothing.
 */
final class FloatAsDoubleBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setDouble(index, (double) (Float) value);
    }
}
