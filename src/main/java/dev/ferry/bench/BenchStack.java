package dev.ferry.bench;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.LocalStackBuilder;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The servers every arm shares: a MySQL 8.0 source and destination (binary log on at both, as on
 * RDS), a Kafka broker and one Connect worker whose plugin path holds Ferry and Debezium's MySQL
 * source and JDBC sink. Replicas for the MySQL replication arms are started on demand.
 */
final class BenchStack implements AutoCloseable {
    static final Path PEER_PLUGINS = Path.of("target", "bench-plugins");

    private final LocalStack stack;
    private final Path workDir;
    private final List<MySqlServer> replicas = new ArrayList<>();
    private final Map<String, String> ferrySourceOptions;
    private final Map<String, String> ferrySinkOptions;

    private BenchStack(LocalStack stack, Path workDir, Map<String, String> ferrySourceOptions, Map<String, String> ferrySinkOptions) {
        this.stack = stack;
        this.workDir = workDir;
        this.ferrySourceOptions = Map.copyOf(ferrySourceOptions);
        this.ferrySinkOptions = Map.copyOf(ferrySinkOptions);
    }

    /**
     * Starts the servers; {@code ferrySourceOptions} and {@code ferrySinkOptions} go on top of
     * {@code connector-config/} for every Ferry arm.
     */
    static BenchStack start(Path workDir, Map<String, String> ferrySourceOptions, Map<String, String> ferrySinkOptions)
            throws SQLException {
        for (String plugin : List.of("debezium-connector-mysql", "debezium-connector-jdbc")) {
            if (!Files.isDirectory(PEER_PLUGINS.resolve(plugin))) {
                throw new IllegalStateException("Debezium's plugin " + plugin + " is not unpacked in " + PEER_PLUGINS
                        + ": run mvn package (execution bench-peer-plugins)");
            }
        }
        // Each entry is a directory of plugin directories. Ferry's plugin also bundles Debezium's MySQL
        // connector (the same 3.6.1 jar); Connect then lists it twice and uses one of the identical copies.
        String pluginPath = LocalStackBuilder.builtPlugin().toAbsolutePath() + "," + PEER_PLUGINS.toAbsolutePath();
        LocalStack stack = LocalStack.builder(workDir)
                .configureSource(source -> serverSettings(source.flag("binlog-transaction-dependency-tracking", "WRITESET")))
                .configureDestination(BenchStack::serverSettings)
                .configureConnect(connect -> connect.property("plugin.path", pluginPath)
                        .property("plugin.discovery", "service_load"))
                .start();
        FerryPipeline.createUsers(stack);
        return new BenchStack(stack, workDir, ferrySourceOptions, ferrySinkOptions);
    }

    /** The same durability and memory on every server: the defaults (fsync per commit, binlog on), 256 MiB pool. */
    private static void serverSettings(dev.ferry.testkit.MySqlServerBuilder server) {
        server.flag("innodb-buffer-pool-size", "256M")
                .flag("max-allowed-packet", "64M")
                .flag("local-infile", "ON");
    }

    LocalStack stack() {
        return stack;
    }

    MySqlServer source() {
        return stack.source();
    }

    MySqlServer destination() {
        return stack.destination();
    }

    Path workDir() {
        return workDir;
    }

    Map<String, String> ferrySourceOptions() {
        return ferrySourceOptions;
    }

    Map<String, String> ferrySinkOptions() {
        return ferrySinkOptions;
    }

    /** A new empty server configured as the destination, for a replica. */
    MySqlServer newReplicaServer(String name) {
        MySqlServer server = MySqlServer.builder(MySqlVersion.V8_0).workDir(workDir).name(name)
                .flag("innodb-buffer-pool-size", "256M").flag("max-allowed-packet", "64M").start();
        replicas.add(server);
        return server;
    }

    void stopReplica(MySqlServer server) {
        replicas.remove(server);
        server.close();
    }

    /** Meters the long-running processes: both MySQL servers, the broker and the worker. */
    ProcessMeter meter() {
        return new ProcessMeter()
                .watch("mysqld source", stack.source().pid())
                .watch("mysqld destination", stack.destination().pid())
                .watch("kafka broker", stack.broker().pid())
                .watch("connect worker", stack.connect().pid());
    }

    /** Pauses a connector and waits until it and its tasks are paused, so nothing more is applied. */
    void pause(String connector) throws InterruptedException {
        stack.rest().pause(connector);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            dev.ferry.testkit.ConnectorStatus status = stack.rest().status(connector);
            if ("PAUSED".equals(status.state()) && !status.tasks().isEmpty()
                    && status.tasks().stream().allMatch(t -> "PAUSED".equals(t.state()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(connector + " did not pause within 60 s: " + status);
            }
            Thread.sleep(50);
        }
    }

    /** Deletes every connector and the topics whose names start with one of {@code prefixes}. */
    void removeConnectorsAndTopics(Set<String> prefixes) throws Exception {
        for (String connector : stack.rest().connectors()) {
            stack.rest().delete(connector);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()))) {
            Set<String> doomed = admin.listTopics().names().get().stream()
                    .filter(topic -> prefixes.stream().anyMatch(topic::startsWith)).collect(Collectors.toSet());
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get();
            }
        }
    }

    @Override
    public void close() {
        for (MySqlServer replica : List.copyOf(replicas)) {
            replica.close();
        }
        stack.close();
    }
}
