package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, throw-away mysqld process on 127.0.0.1, with binlog in ROW format and GTIDs on unless told
 * otherwise. Several can run at once; each has its own port, data directory, socket and server id.
 * The root user has an empty password and may connect from any host.
 */
public final class MySqlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlServer.class);
    private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger(1);
    private static final String HOST = "127.0.0.1";
    private static final String ROOT_USER = "root";
    private static final String URL_OPTIONS = "allowPublicKeyRetrieval=true&useSSL=false&serverTimezone=UTC";

    private final MySqlVersion version;
    private final Path instanceDir;
    private final int port;
    private final int serverId;
    private final Path socket;
    private final List<String> command;
    private final Duration startupTimeout;
    private volatile ChildProcess process;
    private volatile boolean closed;

    private MySqlServer(MySqlServerBuilder settings, MySqlDistribution distribution, Path instanceDir) {
        this.version = settings.version();
        this.instanceDir = instanceDir;
        this.port = FreePorts.next();
        this.serverId = settings.serverId().orElseGet(NEXT_SERVER_ID::getAndIncrement);
        // Unix socket paths are limited to ~100 characters, so never below the work directory.
        this.socket = Path.of("/tmp", "ferry-mysql-" + port + ".sock");
        this.startupTimeout = settings.startupTimeout();
        this.command = command(distribution, settings.flags());
    }

    /** Starts a server of {@code version} with the default options, its files below {@code workDir}. */
    public static MySqlServer start(MySqlVersion version, Path workDir) {
        return builder(version).workDir(workDir).start();
    }

    /**
     * Starts a server with {@code extraFlags} on top of the defaults: a value replaces the default, a
     * null value drops the option (see {@link MySqlServerBuilder#flags(Map)}).
     */
    public static MySqlServer start(MySqlVersion version, Path workDir, Map<String, String> extraFlags) {
        return builder(version).workDir(workDir).flags(extraFlags).start();
    }

    /** A builder for a server of {@code version}, for options beyond {@link #start(MySqlVersion, Path, Map)}. */
    public static MySqlServerBuilder builder(MySqlVersion version) {
        return new MySqlServerBuilder(version);
    }

    static MySqlServer launch(MySqlServerBuilder settings) {
        MySqlDistribution distribution = MySqlDistribution.install(
                settings.version(), settings.classpath(), settings.cacheDir());
        Path template = MySqlDataTemplate.ensure(distribution);
        Path instanceDir = createInstanceDir(settings.workDir(), settings.name());
        DirectoryTree.copy(template, instanceDir.resolve("data"));
        MySqlServer server = new MySqlServer(settings, distribution, instanceDir);
        try {
            server.startProcess();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public MySqlVersion version() {
        return version;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public int serverId() {
        return serverId;
    }

    public String rootUser() {
        return ROOT_USER;
    }

    public String rootPassword() {
        return "";
    }

    /** A Connector/J URL for {@code database} (none if null or empty), without TLS, in UTC. */
    public String jdbcUrl(String database) {
        String path = database == null ? "" : database;
        return "jdbc:mysql://" + HOST + ":" + port + "/" + path + "?" + URL_OPTIONS;
    }

    /** A Connector/J URL without a default database. */
    public String jdbcUrl() {
        return jdbcUrl(null);
    }

    /** A new connection as root, without a default database. */
    public Connection openConnection() throws SQLException {
        return openConnection(null);
    }

    /** A new connection as root to {@code database}. */
    public Connection openConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), ROOT_USER, rootPassword());
    }

    /** Runs each statement in order, on one connection as root. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** The first column of the first row of {@code sql} as text; null if there is no row. */
    public String queryString(String sql) throws SQLException {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    public Path dataDir() {
        return instanceDir.resolve("data");
    }

    public Path errorLog() {
        return instanceDir.resolve("mysqld.err");
    }

    /** The operating-system id of the running mysqld, e.g. to read its CPU time from {@code /proc}. */
    public long pid() {
        ChildProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(this + " does not run");
        }
        return current.pid();
    }

    public boolean isRunning() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL: the server dies as in a crash, its data directory stays for {@link #restart()}. */
    public void kill() {
        ChildProcess current = process;
        if (current != null && current.isAlive()) {
            current.kill();
            LOG.info("Killed MySQL {} on port {}", version.version(), port);
        }
    }

    /** Kills the server if it runs, then starts it again on the same port and data directory. */
    public void restart() {
        if (closed) {
            throw new IllegalStateException("MySQL on port " + port + " is closed");
        }
        kill();
        startProcess();
    }

    /** Kills the server and deletes its data directory; its logs stay in the work directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        kill();
        DirectoryTree.delete(dataDir());
        deleteSocketFiles();
    }

    @Override
    public String toString() {
        return "MySQL " + version.version() + " on " + HOST + ":" + port + " (server id " + serverId + ")";
    }

    private void startProcess() {
        deleteSocketFiles();
        long started = System.nanoTime();
        process = ChildProcess.start(command, instanceDir, instanceDir.resolve("mysqld.out"));
        try {
            new StartupWait(toString(), process, startupTimeout).until(this::acceptsConnections, errorLog());
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        LOG.info("{} ready in {} ms, files in {}", this, (System.nanoTime() - started) / 1_000_000, instanceDir);
    }

    private boolean acceptsConnections() throws SQLException {
        String url = jdbcUrl() + "&connectTimeout=2000";
        try (Connection connection = DriverManager.getConnection(url, ROOT_USER, rootPassword())) {
            return connection.isValid(2);
        }
    }

    private List<String> command(MySqlDistribution distribution, MySqlFlags flags) {
        List<String> arguments = new ArrayList<>(List.of(
                distribution.mysqld().toString(), "--no-defaults",
                "--basedir=" + distribution.baseDir(), "--datadir=" + dataDir(), "--user=root",
                "--port=" + port, "--bind-address=" + HOST, "--socket=" + socket,
                "--pid-file=" + instanceDir.resolve("mysqld.pid"), "--log-error=" + errorLog(),
                "--server-id=" + serverId));
        arguments.addAll(flags.toArguments());
        return arguments;
    }

    private void deleteSocketFiles() {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(Path.of(socket + ".lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + socket, e);
        }
    }

    private static Path createInstanceDir(Path workDir, String name) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory below " + workDir, e);
        }
    }
}
