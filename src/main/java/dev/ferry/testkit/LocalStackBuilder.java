package dev.ferry.testkit;

import dev.ferry.core.FerryVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/** Settings of a {@link LocalStack}; obtained from {@link LocalStack#builder(Path)}. */
public final class LocalStackBuilder {

    private final Path workDir;
    private MySqlVersion sourceVersion = MySqlVersion.V8_0;
    private MySqlVersion destinationVersion = MySqlVersion.V8_0;
    private Consumer<MySqlServerBuilder> sourceSettings = builder -> { };
    private Consumer<MySqlServerBuilder> destinationSettings = builder -> { };
    private Consumer<KafkaBrokerBuilder> brokerSettings = builder -> { };
    private Consumer<ConnectWorkerBuilder> connectSettings = builder -> { };
    private Path pluginPath;
    private RuntimeClasspath classpath;

    LocalStackBuilder(Path workDir) {
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Version of the source MySQL; 8.0 by default. */
    public LocalStackBuilder sourceVersion(MySqlVersion version) {
        this.sourceVersion = version;
        return this;
    }

    /** Version of the destination MySQL; 8.0 by default. */
    public LocalStackBuilder destinationVersion(MySqlVersion version) {
        this.destinationVersion = version;
        return this;
    }

    /** More settings of the source server, e.g. {@code b -> b.flag("binlog-row-image", "MINIMAL")}. */
    public LocalStackBuilder configureSource(Consumer<MySqlServerBuilder> settings) {
        this.sourceSettings = settings;
        return this;
    }

    /** More settings of the destination server. */
    public LocalStackBuilder configureDestination(Consumer<MySqlServerBuilder> settings) {
        this.destinationSettings = settings;
        return this;
    }

    /** More settings of the broker, e.g. extra properties. */
    public LocalStackBuilder configureBroker(Consumer<KafkaBrokerBuilder> settings) {
        this.brokerSettings = settings;
        return this;
    }

    /** More settings of the Connect worker, e.g. its id or extra properties. */
    public LocalStackBuilder configureConnect(Consumer<ConnectWorkerBuilder> settings) {
        this.connectSettings = settings;
        return this;
    }

    /** The Connect {@code plugin.path}; by default the plugin directory {@code mvn package} builds. */
    public LocalStackBuilder pluginPath(Path dir) {
        this.pluginPath = dir;
        return this;
    }

    /** Where Kafka's jars and the MySQL binaries are found; by default the project in the working directory. */
    public LocalStackBuilder classpath(RuntimeClasspath value) {
        this.classpath = value;
        return this;
    }

    /**
     * Starts both MySQL servers and the broker in parallel, then the Connect worker.
     *
     * @throws ServerStartException if a server does not come up; those already started are stopped
     */
    public LocalStack start() {
        if (pluginPath == null) {
            pluginPath = builtPlugin();
        }
        if (classpath == null) {
            classpath = RuntimeClasspath.ofWorkingDirectory();
        }
        return LocalStack.launch(this);
    }

    /** {@code target/ferry-ferry-<version>}, the plugin directory of this build. */
    public static Path builtPlugin() {
        Path dir = Path.of("target", "ferry-ferry-" + FerryVersion.version());
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The Ferry plugin is not built at " + dir.toAbsolutePath() + ": run mvn package first");
        }
        return dir;
    }

    MySqlServerBuilder source() {
        return mysql(sourceVersion, "source", sourceSettings);
    }

    MySqlServerBuilder destination() {
        return mysql(destinationVersion, "destination", destinationSettings);
    }

    KafkaBrokerBuilder broker() {
        KafkaBrokerBuilder builder = KafkaBroker.builder().workDir(workDir).classpath(classpath);
        brokerSettings.accept(builder);
        return builder;
    }

    ConnectWorkerBuilder connect(String bootstrapServers) {
        ConnectWorkerBuilder builder = ConnectWorker.builder().workDir(workDir).classpath(classpath)
                .bootstrapServers(bootstrapServers).pluginPath(pluginPath);
        connectSettings.accept(builder);
        return builder;
    }

    private MySqlServerBuilder mysql(MySqlVersion version, String name, Consumer<MySqlServerBuilder> settings) {
        MySqlServerBuilder builder = MySqlServer.builder(version).workDir(workDir).name(name).classpath(classpath);
        settings.accept(builder);
        return builder;
    }
}
