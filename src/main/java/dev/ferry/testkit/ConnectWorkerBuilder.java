package dev.ferry.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Settings of a {@link ConnectWorker}; obtained from {@link ConnectWorker#builder()}. */
public final class ConnectWorkerBuilder {

    private Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "ferry-testkit");
    private String workerId = "ferry";
    private String bootstrapServers;
    private Path pluginPath;
    private RuntimeClasspath classpath;
    private final Map<String, String> properties = new HashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(120);

    ConnectWorkerBuilder() {
    }

    /** Where the worker's directory (config, logs) is created. */
    public ConnectWorkerBuilder workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Names the group and storage topics; workers with the same id share connectors. Default {@code ferry}. */
    public ConnectWorkerBuilder workerId(String id) {
        this.workerId = id;
        return this;
    }

    /** Required: the broker, e.g. {@link KafkaBroker#bootstrapServers()}. */
    public ConnectWorkerBuilder bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }

    /** Required: the {@code plugin.path} directory holding the connector plugins. */
    public ConnectWorkerBuilder pluginPath(Path dir) {
        this.pluginPath = dir;
        return this;
    }

    /** The class path to take Kafka's jars from; by default the project in the working directory. */
    public ConnectWorkerBuilder classpath(RuntimeClasspath value) {
        this.classpath = value;
        return this;
    }

    /** A worker property on top of the test kit's ({@code worker.properties}). */
    public ConnectWorkerBuilder property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public ConnectWorkerBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /** Writes the worker's configuration without starting it; see {@link ConnectWorker#start()}. */
    public ConnectWorker build() {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(pluginPath, "pluginPath");
        return ConnectWorker.create(this);
    }

    /** {@link #build()}, then {@link ConnectWorker#start()}. */
    public ConnectWorker start() {
        return build().start();
    }

    Path workDir() {
        return workDir;
    }

    String workerId() {
        return workerId;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Path pluginPath() {
        return pluginPath;
    }

    RuntimeClasspath classpath() {
        return classpath != null ? classpath : RuntimeClasspath.ofWorkingDirectory();
    }

    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    Duration startupTimeout() {
        return startupTimeout;
    }
}
