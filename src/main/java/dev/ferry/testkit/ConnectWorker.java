package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in distributed mode as a separate JVM, loading connectors from its plugin
 * path only. Its group and storage topics are named after the worker id, so a new worker with the
 * same id on the same broker resumes the connectors of the old one.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String workerId;
    private final Path dir;
    private final int restPort;
    private final String classpath;
    private final Duration startupTimeout;
    private final ConnectRestClient rest;
    private ChildProcess process;
    private boolean closed;

    private ConnectWorker(ConnectWorkerBuilder settings, Path dir) {
        this.workerId = settings.workerId();
        this.dir = dir;
        this.restPort = FreePorts.next();
        this.classpath = settings.classpath().kafkaClasspath();
        this.startupTimeout = settings.startupTimeout();
        this.rest = new ConnectRestClient(restUrl());
        writeConfig(settings);
    }

    public static ConnectWorkerBuilder builder() {
        return new ConnectWorkerBuilder();
    }

    static ConnectWorker create(ConnectWorkerBuilder settings) {
        return new ConnectWorker(settings, createDir(settings.workDir(), settings.workerId()));
    }

    /** {@code http://127.0.0.1:<port>}; the same across {@link #restart()}. */
    public String restUrl() {
        return "http://" + HOST + ":" + restPort;
    }

    /** A REST client of this worker. */
    public ConnectRestClient rest() {
        return rest;
    }

    public String workerId() {
        return workerId;
    }

    /** The worker's own log (log4j, INFO and above), kept across restarts. */
    public Path logFile() {
        return dir.resolve("worker.log");
    }

    /** The operating-system id of the running worker JVM. */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(this + " does not run");
        }
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the worker process and waits until it is healthy and lists its plugins.
     *
     * @throws IllegalStateException if it already runs or was closed
     * @throws ServerStartException with the tail of the worker's log if it does not come up
     */
    public synchronized ConnectWorker start() {
        if (closed || isRunning()) {
            throw new IllegalStateException("Connect worker " + workerId + (closed ? " is closed" : " already runs"));
        }
        long started = System.nanoTime();
        JavaCommand connect = new JavaCommand(classpath, "org.apache.kafka.connect.cli.ConnectDistributed")
                .maxHeap("768m")
                .log4jConfig(dir.resolve("log4j2.properties"))
                .arguments(dir.resolve("worker.properties").toString());
        process = ChildProcess.start(connect.toList(), dir, dir.resolve("worker.out"));
        try {
            new StartupWait(toString(), process, startupTimeout).until(this::isReady, logFile());
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        LOG.info("{} ready in {} ms, files in {}", this, (System.nanoTime() - started) / 1_000_000, dir);
        return this;
    }

    /** SIGKILL, as in a crash: no offsets flushed, no tasks stopped. */
    public synchronized void kill() {
        if (isRunning()) {
            process.kill();
            LOG.info("Killed {}", this);
        }
    }

    /** Stops the worker if it runs (gracefully), then starts a new process with the same settings. */
    public synchronized void restart() {
        stopProcess();
        start();
    }

    /** SIGTERM, up to 30 s for the worker to stop its tasks, then SIGKILL. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopProcess();
        }
    }

    @Override
    public String toString() {
        return "Connect worker " + workerId + " at " + restUrl();
    }

    private void stopProcess() {
        if (isRunning() && !process.stop(STOP_GRACE)) {
            LOG.warn("{} did not stop within {} s and was killed", this, STOP_GRACE.toSeconds());
        }
    }

    private boolean isReady() {
        return rest.isHealthy() && !rest.pluginClasses(false).isEmpty();
    }

    private void writeConfig(ConnectWorkerBuilder settings) {
        Map<String, String> properties = new HashMap<>(WorkerProperties.defaults());
        properties.put("bootstrap.servers", settings.bootstrapServers());
        properties.putAll(WorkerProperties.groupAndTopics(workerId));
        properties.put("listeners", restUrl());
        properties.put("rest.advertised.host.name", HOST);
        properties.put("rest.advertised.port", String.valueOf(restPort));
        properties.put("plugin.path", settings.pluginPath().toAbsolutePath().toString());
        properties.putAll(settings.properties());
        PropertiesFile.write(dir.resolve("worker.properties"), properties);
        Log4jConfig.writeInfoToFile(dir.resolve("log4j2.properties"), logFile());
    }

    private static Path createDir(Path workDir, String workerId) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "connect-" + workerId + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory below " + workDir, e);
        }
    }
}
