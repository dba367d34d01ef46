package dev.ferry.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An initialized, never started MySQL data directory, made once per version in the shared cache.
 * Servers start on copies of it, which is much faster than initializing each one.
 */
final class MySqlDataTemplate {

    /** Bump when the initialization below changes, so old caches are not reused. */
    private static final String LAYOUT = "template-v1";
    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(3);

    /**
     * {@code --initialize-insecure} only creates root@localhost, which TCP clients cannot use under
     * {@code --skip-name-resolve}.
     */
    private static final String INIT_SQL = String.join("\n",
            "CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '';",
            "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
            "CREATE USER 'root'@'%' IDENTIFIED BY '';",
            "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;",
            "");

    private MySqlDataTemplate() {
    }

    static Path ensure(MySqlDistribution distribution) {
        Path template = CachedDirectory.ensure(distribution.home().resolve(LAYOUT),
                scratch -> initialize(distribution, scratch));
        return template.resolve("data");
    }

    private static void initialize(MySqlDistribution distribution, Path scratch) throws IOException {
        Path initFile = Files.writeString(scratch.resolve("init.sql"), INIT_SQL);
        Path log = scratch.resolve("initialize.err");
        Path data = scratch.resolve("data");
        List<String> command = List.of(distribution.mysqld().toString(), "--no-defaults", "--initialize-insecure",
                "--basedir=" + distribution.baseDir(), "--datadir=" + data, "--user=root",
                "--log-error=" + log, "--init-file=" + initFile);
        ChildProcess mysqld = ChildProcess.start(command, scratch, scratch.resolve("initialize.out"));
        if (!mysqld.awaitExit(INIT_TIMEOUT)) {
            mysqld.kill();
            throw new IOException("mysqld --initialize did not finish within " + INIT_TIMEOUT.toSeconds()
                    + " s:" + LogTail.of(30, log, scratch.resolve("initialize.out")));
        }
        if (mysqld.exitValue() != 0) {
            throw new IOException("mysqld --initialize exited with " + mysqld.exitValue() + ":"
                    + LogTail.of(30, log, scratch.resolve("initialize.out")));
        }
        // Each copy must make its own server_uuid, or every server would write the same GTIDs.
        Files.deleteIfExists(data.resolve("auto.cnf"));
    }
}
