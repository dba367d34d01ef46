package dev.ferry.sink.session;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.sink.FerrySinkConfig;

/**
 * The connection pool of one sink task: a single connection, opened with {@link SessionSettings},
 * auto-commit off, on the URL {@link DestinationUrl} completes. The pool replaces a connection that
 * broke, so a retry after a lost connection starts on a fresh one.
 */
public final class DestinationPool {
    private static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    private DestinationPool() {
    }

    public static HikariDataSource open(FerrySinkConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        // Named explicitly: DriverManager does not see drivers of a Connect plugin's class loader.
        hikari.setDriverClassName(DRIVER);
        hikari.setJdbcUrl(DestinationUrl.withSinkProperties(config.connectionUrl(), config.loadData()));
        hikari.setUsername(config.username());
        if (config.password() != null) {
            hikari.setPassword(config.password().value());
        }
        // One connection writes; a second, taken only while a cascade level waits, reads what other tasks committed.
        hikari.setMaximumPoolSize(2);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(false);
        hikari.setConnectionInitSql(SessionSettings.INIT_SQL);
        return new HikariDataSource(hikari);
    }
}
