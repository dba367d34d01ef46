package dev.ferry.precheck;

import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourcePrecheck;
import dev.ferry.testkit.MySqlServer;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Source connector settings pointing at test servers, and users with chosen grants, for precheck tests. */
final class PrecheckServers {
    static final String PASSWORD = "Pre-check-1";

    private PrecheckServers() {
    }

    /** The source connector's keys for migrating {@code database} of {@code source} as {@code user}. */
    static Map<String, String> sourceConfig(MySqlServer source, String user, String database) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "precheck-" + database);
        config.put("connector.class", "dev.ferry.source.FerrySourceConnector");
        config.put("database.hostname", source.host());
        config.put("database.port", Integer.toString(source.port()));
        config.put("database.user", user);
        config.put("database.password", PASSWORD);
        config.put("database.server.id", "6401");
        config.put("database.ssl.mode", "disabled");
        config.put("topic.prefix", "pre_" + database.replaceAll("[^a-zA-Z0-9_]", "_"));
        config.put("database.include.list", database);
        config.put("schema.history.internal.kafka.bootstrap.servers", "127.0.0.1:9");
        return config;
    }

    /** The same with the precheck's destination keys set. */
    static Map<String, String> withDestination(Map<String, String> config, MySqlServer destination, String user) {
        Map<String, String> out = new HashMap<>(config);
        out.put("precheck.destination.url", url(destination));
        out.put("precheck.destination.username", user);
        out.put("precheck.destination.password", PASSWORD);
        return out;
    }

    static String url(MySqlServer server) {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    static PrecheckReport run(Map<String, String> config) {
        return SourcePrecheck.run(new FerrySourceConfig(config), false);
    }

    static void createUser(MySqlServer server, String user, String grants) throws SQLException {
        server.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        if (!grants.isEmpty()) {
            server.execute("GRANT " + grants + " TO '" + user + "'@'%'");
        }
    }
}
