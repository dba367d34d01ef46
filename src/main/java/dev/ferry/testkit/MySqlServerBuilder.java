package dev.ferry.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Settings of a {@link MySqlServer} to start; obtained from {@link MySqlServer#builder(MySqlVersion)}. */
public final class MySqlServerBuilder {

    private final MySqlVersion version;
    private final MySqlFlags flags;
    private Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "ferry-testkit");
    private String name = "mysql";
    private Integer serverId;
    private RuntimeClasspath classpath;
    private Path cacheDir = CacheRoot.dir();
    private Duration startupTimeout = Duration.ofSeconds(60);

    MySqlServerBuilder(MySqlVersion version) {
        this.version = Objects.requireNonNull(version, "version");
        this.flags = MySqlFlags.defaults(version);
    }

    /** Where the server's directory (data, logs) is created; a fresh subdirectory per server. */
    public MySqlServerBuilder workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Prefix of the server's directory name, e.g. {@code source}. */
    public MySqlServerBuilder name(String prefix) {
        this.name = prefix;
        return this;
    }

    /** A fixed {@code server_id}; by default each server of this JVM gets the next free number from 1. */
    public MySqlServerBuilder serverId(int id) {
        this.serverId = id;
        return this;
    }

    /** Sets {@code --name=value}, replacing the default; a null value drops the option. */
    public MySqlServerBuilder flag(String name, String value) {
        requireUnmanaged(name);
        if (value == null) {
            flags.remove(name);
        } else {
            flags.set(name, value);
        }
        return this;
    }

    /** Adds {@code --name} without a value, e.g. {@code skip-log-bin}. */
    public MySqlServerBuilder flag(String name) {
        requireUnmanaged(name);
        flags.enable(name);
        return this;
    }

    /** Drops a default option. Dropping {@code log-bin} leaves binary logging on in 8.0: see {@link #withoutBinlog()}. */
    public MySqlServerBuilder withoutFlag(String name) {
        return flag(name, null);
    }

    /** Applies {@code changes} with {@link #flag(String, String)}: a null value drops the option. */
    public MySqlServerBuilder flags(Map<String, String> changes) {
        changes.keySet().forEach(MySqlServerBuilder::requireUnmanaged);
        flags.apply(changes);
        return this;
    }

    /** Binary logging off ({@code --skip-log-bin}), for prechecks that must refuse such a source. */
    public MySqlServerBuilder withoutBinlog() {
        flags.remove("log-bin");
        flags.enable("skip-log-bin");
        return this;
    }

    /** Where the jar with the server binaries is found; by default the project in the working directory. */
    public MySqlServerBuilder classpath(RuntimeClasspath value) {
        this.classpath = value;
        return this;
    }

    /** The shared cache for binaries and data templates; default {@code ~/.cache/ferry} or {@code -Dferry.cache.dir}. */
    public MySqlServerBuilder cacheDir(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    public MySqlServerBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /**
     * Starts the server and waits until root can connect over TCP.
     *
     * @throws ServerStartException with the tail of the error log if mysqld dies or is not ready in time
     */
    public MySqlServer start() {
        return MySqlServer.launch(this);
    }

    MySqlVersion version() {
        return version;
    }

    MySqlFlags flags() {
        return flags;
    }

    Path workDir() {
        return workDir;
    }

    String name() {
        return name;
    }

    Optional<Integer> serverId() {
        return Optional.ofNullable(serverId);
    }

    RuntimeClasspath classpath() {
        return classpath != null ? classpath : RuntimeClasspath.ofWorkingDirectory();
    }

    Path cacheDir() {
        return cacheDir;
    }

    Duration startupTimeout() {
        return startupTimeout;
    }

    private static void requireUnmanaged(String name) {
        if (MySqlFlags.MANAGED.contains(MySqlFlags.normalize(name))) {
            throw new IllegalArgumentException("--" + MySqlFlags.normalize(name)
                    + " is set by the test kit for each server; it cannot be overridden");
        }
    }
}
