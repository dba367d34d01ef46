package dev.ferry.testkit;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Ferry deployed on a {@link LocalStack} the way users deploy it: the source and sink definitions
 * from {@code connector-config/}, posted to the Connect REST API, with this stack's addresses. The
 * source connects as a user holding only the grants a managed cloud database gives.
 */
public final class FerryPipeline {
    public static final String SOURCE_USER = "ferry";
    public static final String SINK_USER = "ferry_sink";
    public static final String PASSWORD = "ferry-Pass-1";

    private final LocalStack stack;
    private final Path configDir;
    private final String name;
    private final String database;

    /**
     * @param name distinguishes this pipeline's connectors, topics and server id from others on the stack
     * @param database the source database to migrate
     */
    public FerryPipeline(LocalStack stack, Path configDir, String name, String database) {
        this.stack = stack;
        this.configDir = configDir;
        this.name = name;
        this.database = database;
    }

    /** Creates the migration users: SELECT, REPLICATION SLAVE, REPLICATION CLIENT, SHOW VIEW, TRIGGER on the source. */
    public static void createUsers(LocalStack stack) throws SQLException {
        stack.source().execute(
                "CREATE USER IF NOT EXISTS '" + SOURCE_USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT, SHOW VIEW, TRIGGER ON *.* TO '" + SOURCE_USER + "'@'%'");
        stack.destination().execute(
                "CREATE USER IF NOT EXISTS '" + SINK_USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON *.* TO '" + SINK_USER + "'@'%'");
    }

    public String sourceName() {
        return name + "-source";
    }

    public String sinkName() {
        return name + "-sink";
    }

    public String topicPrefix() {
        return name.replaceAll("[^a-zA-Z0-9_-]", "_");
    }

    public ConnectorConfigFile source(Map<String, String> extra) {
        MySqlServer source = stack.source();
        ConnectorConfigFile file = ConnectorConfigFile.read(configDir.resolve("mysql-source.json"));
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "database.hostname", source.host(),
                "database.port", Integer.toString(source.port()),
                "database.user", SOURCE_USER,
                "database.password", PASSWORD,
                "database.server.id", Long.toString(5400 + Math.abs(name.hashCode() % 1000)),
                "topic.prefix", topicPrefix(),
                "database.include.list", database,
                "schema.history.internal.kafka.bootstrap.servers", stack.broker().bootstrapServers()));
        overrides.putAll(extra);
        return file.with(sourceName(), overrides);
    }

    public ConnectorConfigFile sink(Map<String, String> extra) {
        MySqlServer destination = stack.destination();
        ConnectorConfigFile file = ConnectorConfigFile.read(configDir.resolve("mysql-sink.json"));
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "connection.url", "jdbc:mysql://" + destination.host() + ":" + destination.port()
                        + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "connection.username", SINK_USER,
                "connection.password", PASSWORD,
                "topics.regex", java.util.regex.Pattern.quote(topicPrefix() + "." + database + ".") + ".*"));
        overrides.putAll(extra);
        return file.with(sinkName(), overrides);
    }

    /** Deploys source and sink and waits until both run. */
    public void deploy(Map<String, String> sourceExtra, Map<String, String> sinkExtra) {
        ConnectRestClient rest = stack.rest();
        ConnectorConfigFile sink = sink(sinkExtra);
        ConnectorConfigFile source = source(sourceExtra);
        rest.createOrUpdate(sink.name(), sink.config());
        rest.createOrUpdate(source.name(), source.config());
        rest.awaitRunning(sink.name(), Duration.ofSeconds(60));
        rest.awaitRunning(source.name(), Duration.ofSeconds(60));
    }
}
