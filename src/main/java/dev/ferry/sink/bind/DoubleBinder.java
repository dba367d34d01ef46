package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * DOUBLE values, as quoted text: Java's shortest round-trip form, which MySQL parses back to the
 * same bits, {@code -0.0} included (unquoted, {@code -0.0} would be a DECIMAL and lose its sign).
 */
final class DoubleBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setString(index, ValueText.doubleText((Double) value));
    }
}
