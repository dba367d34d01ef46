package dev.ferry.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens JDBC connections to the source for Ferry's own reads (catalog, snapshot). Statements are
 * server-side prepared so rows travel in MySQL's binary protocol, which carries FLOAT and DOUBLE
 * exactly; sessions run in UTC so TIMESTAMP values read as UTC text.
 */
public final class SourceConnections {
    private final FerrySourceConfig config;

    public SourceConnections(FerrySourceConfig config) {
        this.config = config;
    }

    public String url() {
        return "jdbc:mysql://" + config.hostname() + ":" + config.port() + "/";
    }

    public Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password().value());
        props.setProperty("sslMode", config.sslMode().toUpperCase(java.util.Locale.ROOT));
        props.setProperty("allowPublicKeyRetrieval", "true");
        props.setProperty("useServerPrepStmts", "true");
        props.setProperty("cachePrepStmts", "false");
        props.setProperty("tinyInt1isBit", "false");
        props.setProperty("yearIsDateType", "false");
        props.setProperty("characterEncoding", "UTF-8");
        props.setProperty("connectionTimeZone", "UTC");
        props.setProperty("forceConnectionTimeZoneToSession", "true");
        props.setProperty("connectTimeout", "20000");
        Connection connection = DriverManager.getConnection(url(), props);
        try (Statement s = connection.createStatement()) {
            // A snapshot may pause while Kafka catches up; do not let the server drop a streaming read.
            s.execute("SET SESSION time_zone = '+00:00', net_write_timeout = 3600, net_read_timeout = 3600");
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
