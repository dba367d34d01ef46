package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) as a separate JVM on 127.0.0.1,
 * with replication factor 1 everywhere and a 64 MiB message size limit.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final Duration startupTimeout;
    private ChildProcess process;
    private boolean closed;

    private KafkaBroker(KafkaBrokerBuilder settings, Path dir) {
        this.dir = dir;
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
        this.classpath = settings.classpath().kafkaClasspath();
        this.startupTimeout = settings.startupTimeout();
    }

    /** Starts a broker with the default settings, its files in a new directory below {@code workDir}. */
    public static KafkaBroker start(Path workDir, RuntimeClasspath classpath) {
        return builder().workDir(workDir).classpath(classpath).start();
    }

    public static KafkaBrokerBuilder builder() {
        return new KafkaBrokerBuilder();
    }

    static KafkaBroker launch(KafkaBrokerBuilder settings) {
        KafkaBroker broker = new KafkaBroker(settings, createDir(settings.workDir()));
        try {
            broker.writeConfig(settings.properties());
            broker.formatStorage();
            broker.startProcess();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's own log (log4j, INFO and above). */
    public Path logFile() {
        return dir.resolve("broker.log");
    }

    /** The operating-system id of the running broker JVM. */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(this + " does not run");
        }
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, up to 30 s for a controlled shutdown, then SIGKILL; deletes the broker's data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null && !process.stop(STOP_GRACE)) {
            LOG.warn("Kafka broker {} did not stop within {} s and was killed", bootstrapServers(), STOP_GRACE.toSeconds());
        }
        DirectoryTree.delete(dir.resolve("data"));
    }

    @Override
    public String toString() {
        return "Kafka broker on " + bootstrapServers();
    }

    private void writeConfig(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", dir.resolve("data").toString());
        properties.putAll(singleNodeSettings());
        properties.putAll(overrides);
        PropertiesFile.write(dir.resolve("server.properties"), properties);
        Log4jConfig.writeInfoToFile(dir.resolve("log4j2.properties"), logFile());
        Log4jConfig.writeWarnToStderr(dir.resolve("tools-log4j2.properties"));
    }

    private static Map<String, String> singleNodeSettings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        properties.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        properties.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        return properties;
    }

    private void formatStorage() {
        // Uuid.randomUuid() is what `StorageTool random-uuid` prints; one JVM start fewer.
        String clusterId = Uuid.randomUuid().toString();
        JavaCommand format = new JavaCommand(classpath, "kafka.tools.StorageTool")
                .maxHeap("256m")
                .log4jConfig(dir.resolve("tools-log4j2.properties"))
                .arguments("format", "-t", clusterId, "-c", dir.resolve("server.properties").toString());
        Path output = dir.resolve("storage-format.out");
        ChildProcess tool = ChildProcess.start(format.toList(), dir, output);
        if (!tool.awaitExit(FORMAT_TIMEOUT)) {
            tool.kill();
            throw new ServerStartException("Kafka StorageTool format did not finish:" + LogTail.of(30, output));
        }
        if (tool.exitValue() != 0) {
            throw new ServerStartException("Kafka StorageTool format exited with " + tool.exitValue()
                    + ":" + LogTail.of(30, output));
        }
    }

    private synchronized void startProcess() {
        long started = System.nanoTime();
        JavaCommand kafka = new JavaCommand(classpath, "kafka.Kafka")
                .maxHeap("512m")
                .log4jConfig(dir.resolve("log4j2.properties"))
                .arguments(dir.resolve("server.properties").toString());
        process = ChildProcess.start(kafka.toList(), dir, dir.resolve("broker.out"));
        try {
            new StartupWait(toString(), process, startupTimeout).until(this::answersMetadata, logFile());
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        LOG.info("{} ready in {} ms, files in {}", this, (System.nanoTime() - started) / 1_000_000, dir);
    }

    private boolean answersMetadata() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
        }
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static Path createDir(Path workDir) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "kafka-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory below " + workDir, e);
        }
    }
}
