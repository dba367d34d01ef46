package dev.ferry.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Settings of a {@link KafkaBroker} to start; obtained from {@link KafkaBroker#builder()}. */
public final class KafkaBrokerBuilder {

    private Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "ferry-testkit");
    private RuntimeClasspath classpath;
    private final Map<String, String> properties = new HashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(90);

    KafkaBrokerBuilder() {
    }

    /** Where the broker's directory (config, data, logs) is created. */
    public KafkaBrokerBuilder workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** The class path to take Kafka's jars from; by default the project in the working directory. */
    public KafkaBrokerBuilder classpath(RuntimeClasspath value) {
        this.classpath = value;
        return this;
    }

    /** A broker property on top of the test kit's ({@code server.properties}). */
    public KafkaBrokerBuilder property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public KafkaBrokerBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /**
     * Formats the storage, starts the broker and waits until it answers a metadata request.
     *
     * @throws ServerStartException with the tail of the broker's log if it does not come up
     */
    public KafkaBroker start() {
        return KafkaBroker.launch(this);
    }

    Path workDir() {
        return workDir;
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
