package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Debezium's MySQL source (its own snapshot, then the binlog) and Debezium's JDBC sink (upsert mode,
 * deletes on, tables created by schema evolution) in the same worker, with JSON records carrying
 * their schemas: what a user assembles from Debezium's own parts.
 */
final class DebeziumSync implements SyncPipeline {
    static final String USER = "dbz";
    static final String PASSWORD = "dbz-Pass-1";
    /** The JDBC sink's batch size in this bench; its default is 500. */
    static final int BATCH_SIZE = 2000;

    private final BenchStack bench;
    private final String name;
    private final int serverId;
    private String database;

    DebeziumSync(BenchStack bench, String name, int serverId) {
        this.bench = bench;
        this.name = name;
        this.serverId = serverId;
    }

    static void createUsers(BenchStack bench) throws Exception {
        for (MySqlServer server : new MySqlServer[] {bench.source(), bench.destination()}) {
            server.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED WITH mysql_native_password BY '" + PASSWORD + "'",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%'");
        }
    }

    @Override
    public String name() {
        return "Debezium source + JDBC sink";
    }

    @Override
    public MySqlServer target() {
        return bench.destination();
    }

    @Override
    public void start(String database) throws Exception {
        deploy(database);
        awaitRows(database, Duration.ofMinutes(20));
    }

    void deploy(String database) throws Exception {
        this.database = database;
        bench.destination().execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        bench.stack().rest().createOrUpdate(sinkName(), sinkConfig(database));
        bench.stack().rest().createOrUpdate(sourceName(), sourceConfig(database));
        bench.stack().rest().awaitRunning(sinkName(), Duration.ofSeconds(60));
        bench.stack().rest().awaitRunning(sourceName(), Duration.ofSeconds(60));
    }

    /** Waits until each table of {@code database} holds as many rows on the destination as on the source. */
    void awaitRows(String database, Duration timeout) throws Exception {
        RowCounts expected = RowCounts.of(bench.source(), database);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!expected.equals(RowCounts.of(bench.destination(), database, expected.tables()))) {
            for (String connector : new String[] {sourceName(), sinkName()}) {
                bench.stack().rest().status(connector).failure().ifPresent(failure -> {
                    throw new IllegalStateException(connector + " failed: " + failure);
                });
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Debezium's pair did not copy " + database + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    private String sourceName() {
        return name + "-dbz-source";
    }

    private String sinkName() {
        return name + "-dbz-sink";
    }

    private String prefix() {
        return name.replaceAll("[^a-zA-Z0-9_]", "_") + "_dbz";
    }

    private Map<String, String> sourceConfig(String database) {
        MySqlServer source = bench.source();
        Map<String, String> config = new HashMap<>(json());
        config.putAll(Map.of(
                "connector.class", "io.debezium.connector.mysql.MySqlConnector",
                "tasks.max", "1",
                "database.hostname", source.host(),
                "database.port", Integer.toString(source.port()),
                "database.user", USER,
                "database.password", PASSWORD,
                "database.server.id", Integer.toString(serverId),
                "database.ssl.mode", "disabled",
                "topic.prefix", prefix(),
                "database.include.list", database));
        config.putAll(Map.of(
                "schema.history.internal.kafka.bootstrap.servers", bench.stack().broker().bootstrapServers(),
                "schema.history.internal.kafka.topic", prefix() + ".history",
                "tombstones.on.delete", "false",
                "topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "1"));
        return config;
    }

    private Map<String, String> sinkConfig(String database) {
        MySqlServer destination = bench.destination();
        Map<String, String> config = new HashMap<>(json());
        config.putAll(Map.of(
                "connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector",
                "tasks.max", "1",
                "connection.url", "jdbc:mysql://" + destination.host() + ":" + destination.port() + "/" + database
                        + "?nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true",
                "connection.username", USER,
                "connection.password", PASSWORD,
                "insert.mode", "upsert",
                "delete.enabled", "true",
                "primary.key.mode", "record_key",
                "schema.evolution", "basic",
                "batch.size", Integer.toString(BATCH_SIZE)));
        config.putAll(Map.of(
                "collection.name.format", "${source.table}",
                "use.reduction.buffer", "true",
                "topics.regex", java.util.regex.Pattern.quote(prefix() + "." + database + ".") + ".*",
                "consumer.override.max.poll.records", Integer.toString(BATCH_SIZE),
                "consumer.override.metadata.max.age.ms", "1000"));
        return config;
    }

    private static Map<String, String> json() {
        return Map.of(
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "true",
                "value.converter.schemas.enable", "true");
    }

    @Override
    public void pauseApplying() throws InterruptedException {
        bench.pause(sinkName());
    }

    @Override
    public void resumeApplying() {
        bench.stack().rest().resume(sinkName());
    }

    @Override
    public void close() throws Exception {
        bench.removeConnectorsAndTopics(Set.of(prefix()));
    }
}
