package dev.ferry.sink.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets one statement parameter from a row value of one Java type. Implementations are small,
 * stateless, and chosen by {@link BinderRegistry}.
 */
@FunctionalInterface
public interface ValueBinder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
}
