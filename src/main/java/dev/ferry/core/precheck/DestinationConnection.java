package dev.ferry.core.precheck;

import com.mysql.cj.jdbc.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a precheck connection from a JDBC URL, user and password (the destination's, as the sink's keys give them). */
public final class DestinationConnection {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:mysql://([^/:?,()]+)(?::(\\d+))?");

    private DestinationConnection() {
    }

    public static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10000");
        if (!url.toLowerCase(Locale.ROOT).contains("sslmode") && !url.toLowerCase(Locale.ROOT).contains("allowpublickeyretrieval")) {
            properties.setProperty("allowPublicKeyRetrieval", "true");
        }
        // Named explicitly: DriverManager does not see drivers of a Connect plugin's class loader.
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("'" + url + "' is not a MySQL JDBC URL; use jdbc:mysql://host:port/", "08001");
        }
        return connection;
    }

    /** {@code host:port} of a single-host URL, for messages; the URL itself when it is not one. */
    public static String where(String url) {
        Matcher m = HOST_PORT.matcher(url);
        return m.find() ? m.group(1) + ":" + (m.group(2) == null ? "3306" : m.group(2)) : url;
    }
}
