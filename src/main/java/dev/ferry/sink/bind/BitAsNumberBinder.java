package dev.ferry.sink.bind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * BIT values compared with a column in a WHERE clause. MySQL compares a BIT column with a binary
 * string parameter as numbers and matches nothing, so the big-endian bytes go as the unsigned number
 * they spell.
 */
final class BitAsNumberBinder implements ValueBinder {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setBigDecimal(index, new BigDecimal(new BigInteger(1, (byte[]) value)));
    }
}
