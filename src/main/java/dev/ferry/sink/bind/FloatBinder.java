package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * FLOAT values, as the decimal text of the float widened to a double. The float is exactly that
 * double; MySQL parses the quoted text to that double (correctly rounded, so exactly) and narrows it
 * to the same float. Connector/J's own float text is the shortest form of the float, which MySQL
 * reads as a different double: the largest FLOAT then overflows, and an unquoted {@code -0.0} is a
 * DECIMAL that loses its sign. Used both to write a column and to compare with one.
 */
final class FloatBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setString(index, ValueText.floatText((Float) value));
    }
}
