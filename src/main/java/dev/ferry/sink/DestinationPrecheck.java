package dev.ferry.sink;

import com.mysql.cj.jdbc.Driver;
import dev.ferry.sink.progress.ProgressStore;
import dev.ferry.sink.session.DestinationUrl;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live part of {@link FerrySinkConnector#validate}: connects with the given URL and user, and
 * creates the state database and progress table (idempotent; the task would do it at start).
 * Each problem is attached to the configuration key that fixes it.
 */
final class DestinationPrecheck {
    private static final int ACCESS_DENIED = 1045;
    private static final String CONNECT_TIMEOUT_MS = "10000";

    private DestinationPrecheck() {
    }

    static void check(Config config, Map<String, String> props) {
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        boolean fieldsValid = values.values().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!fieldsValid) {
            return;
        }
        String url = props.get(FerrySinkConfig.CONNECTION_URL_CONFIG);
        String user = props.get(FerrySinkConfig.CONNECTION_USERNAME_CONFIG);
        String where = DestinationUrl.hostAndPort(url);
        Connection connection;
        try {
            connection = connect(url, user, props.get(FerrySinkConfig.CONNECTION_PASSWORD_CONFIG));
        }
        catch (SQLException e) {
            reportConnectFailure(values, where, user, e);
            return;
        }
        if (connection == null) {
            values.get(FerrySinkConfig.CONNECTION_URL_CONFIG).addErrorMessage(
                    "'" + url + "' is not a MySQL JDBC URL; use jdbc:mysql://host:port/");
            return;
        }
        try (connection) {
            String stateDatabase = props.getOrDefault(FerrySinkConfig.STATE_DATABASE_CONFIG, FerrySinkConfig.STATE_DATABASE_DEFAULT);
            checkStateDatabase(connection, values.get(FerrySinkConfig.STATE_DATABASE_CONFIG), stateDatabase, user, where);
        }
        catch (SQLException e) {
            // Closing failed after the checks ran; nothing to report.
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_MS);
        return new Driver().connect(DestinationUrl.withSinkProperties(url), properties);
    }

    private static void reportConnectFailure(Map<String, ConfigValue> values, String where, String user, SQLException e) {
        if (e.getErrorCode() == ACCESS_DENIED || "28000".equals(e.getSQLState())) {
            values.get(FerrySinkConfig.CONNECTION_USERNAME_CONFIG).addErrorMessage("MySQL at " + where + " refused user '"
                    + user + "': " + e.getMessage() + ". Check connection.username and connection.password, and that "
                    + "the user may connect from the Connect worker's host.");
        }
        else {
            values.get(FerrySinkConfig.CONNECTION_URL_CONFIG).addErrorMessage("Cannot reach MySQL at " + where + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ". Check the host and port in connection.url "
                    + "and that the server accepts connections from the Connect worker.");
        }
    }

    private static void checkStateDatabase(Connection connection, ConfigValue field, String database, String user, String where) {
        try {
            new ProgressStore("precheck", database).createTable(connection);
        }
        catch (SQLException e) {
            field.addErrorMessage("User '" + user + "' cannot create the state database `" + database + "` and its "
                    + "sink_progress table on " + where + ": MySQL error " + e.getErrorCode() + ": " + e.getMessage()
                    + ". Grant CREATE, SELECT, INSERT, UPDATE and DELETE on `" + database + "`.* to the user, or set "
                    + "state.database to a database it may use.");
        }
    }
}
