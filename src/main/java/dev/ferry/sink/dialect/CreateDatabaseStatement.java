package dev.ferry.sink.dialect;

import dev.ferry.core.sql.SqlBuilder;

/** {@code CREATE DATABASE IF NOT EXISTS `db`}. */
public final class CreateDatabaseStatement {
    private CreateDatabaseStatement() {
    }

    public static String sql(String database) {
        return new SqlBuilder().sql("CREATE DATABASE IF NOT EXISTS ").identifier(database).toString();
    }
}
