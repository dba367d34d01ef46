package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binary strings, BIT and GEOMETRY values written to a column. */
final class BytesBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setBytes(index, (byte[]) value);
    }
}
