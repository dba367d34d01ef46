package dev.ferry.precheck;

import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.CheckStatus;
import dev.ferry.core.precheck.Precheck;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourcePrecheck;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.ferry.precheck.PrecheckServers.createUser;
import static dev.ferry.precheck.PrecheckServers.run;
import static dev.ferry.precheck.PrecheckServers.sourceConfig;
import static dev.ferry.precheck.PrecheckServers.withDestination;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The precheck against real servers configured wrongly on purpose, each asserting the result and the
 * fix; and a correctly configured pair that passes every check. Servers are started once for the class.
 */
@Tag("integration")
class PrecheckIT {
    private static MySqlServer source;
    private static MySqlServer destination;
    private static MySqlServer destination57;
    private static MySqlServer badBinlog;
    private static MySqlServer noBinlog;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "PrecheckIT"));
        source = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("source").start();
        destination = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("destination").start();
        destination57 = MySqlServer.builder(MySqlVersion.V5_7).workDir(work).name("destination57").start();
        badBinlog = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("bad-binlog")
                .flag("binlog-format", "STATEMENT").flag("binlog-row-image", "MINIMAL")
                .flag("binlog-expire-logs-seconds", "3600").start();
        noBinlog = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("no-binlog").withoutBinlog().start();
        for (MySqlServer server : new MySqlServer[] {source, badBinlog, noBinlog}) {
            createUser(server, "ferry_src", "SELECT, REPLICATION SLAVE, REPLICATION CLIENT, SHOW VIEW, TRIGGER ON *.*");
        }
        createUser(destination, "ferry_dst", "ALL PRIVILEGES ON *.*");
        createUser(destination57, "ferry_dst", "ALL PRIVILEGES ON *.*");
    }

    @AfterAll
    static void stop() {
        for (MySqlServer server : new MySqlServer[] {source, destination, destination57, badBinlog, noBinlog}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aCorrectlyConfiguredPairPassesEveryCheck() throws Exception {
        source.execute("CREATE DATABASE good",
                "CREATE TABLE good.t (id INT PRIMARY KEY, txt VARCHAR(40) CHARACTER SET utf8mb4, d DATE, ts TIMESTAMP NULL, "
                        + "body LONGBLOB)",
                "INSERT INTO good.t VALUES (1, 'smile \uD83D\uDE00', '2024-02-29', '2024-01-01 00:00:00', REPEAT('x', 1000))",
                "CREATE SQL SECURITY INVOKER VIEW good.v AS SELECT id FROM good.t");
        PrecheckReport report = run(withDestination(sourceConfig(source, "ferry_src", "good"), destination, "ferry_dst"));
        assertThat(report.results()).as(report.table()).allSatisfy(r -> assertThat(r.status()).as(r.id()).isEqualTo(CheckStatus.PASS));
        assertThat(report.results()).hasSize(39);
        assertThat(report.exitCode()).isZero();
        assertThat(report.result("source.connection").detail()).contains("detected MySQL 8.0.15");
    }

    @Test
    void binaryLoggingOffFailsWithTheSettingToChange() throws Exception {
        noBinlog.execute("CREATE DATABASE nobin", "CREATE TABLE nobin.t (id INT PRIMARY KEY)");
        PrecheckReport report = run(sourceConfig(noBinlog, "ferry_src", "nobin"));
        CheckResult result = report.result("source.binlog.enabled");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("log_bin=OFF");
        assertThat(result.fix()).contains("add log_bin=mysql-bin, binlog_format=ROW, binlog_row_image=FULL",
                "remove skip-log-bin", "then restart mysqld");
        assertThat(report.result("source.binlog.format").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.result("source.binlog.format").detail()).contains("see source.binlog.enabled");
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void statementFormatMinimalImageAndShortRetentionFailWithTheirFixes() throws Exception {
        badBinlog.execute("CREATE DATABASE badbin", "CREATE TABLE badbin.t (id INT PRIMARY KEY)");
        PrecheckReport report = run(sourceConfig(badBinlog, "ferry_src", "badbin"));
        CheckResult format = report.result("source.binlog.format");
        assertThat(format.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(format.objects()).containsExactly("binlog_format=STATEMENT");
        assertThat(format.fix()).startsWith("SET PERSIST binlog_format = 'ROW';").contains("reconnect");
        CheckResult image = report.result("source.binlog.row_image");
        assertThat(image.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(image.objects()).containsExactly("binlog_row_image=MINIMAL");
        assertThat(image.fix()).startsWith("SET PERSIST binlog_row_image = 'FULL';");
        CheckResult retention = report.result("source.binlog.retention");
        assertThat(retention.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(retention.detail()).contains("kept only 60 minutes", "at least 7 days for full + incremental");
        assertThat(retention.fix()).isEqualTo("SET PERSIST binlog_expire_logs_seconds = 604800;");
    }

    @Test
    void incrementalAloneNeedsMoreThanADayOfBinlogs() throws Exception {
        badBinlog.execute("CREATE DATABASE IF NOT EXISTS badbin2", "CREATE TABLE IF NOT EXISTS badbin2.t (id INT PRIMARY KEY)");
        Map<String, String> config = sourceConfig(badBinlog, "ferry_src", "badbin2");
        config.put("migration.types", "incremental");
        CheckResult retention = run(config).result("source.binlog.retention");
        assertThat(retention.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(retention.detail()).contains("more than 24 hours for incremental migration");
        assertThat(retention.fix()).isEqualTo("SET PERSIST binlog_expire_logs_seconds = 172800;");
    }

    @Test
    void aUserMissingEachSourceGrantFailsWithTheGrantToRun() throws Exception {
        source.execute("CREATE DATABASE grants", "CREATE TABLE grants.t (id INT PRIMARY KEY)",
                "CREATE VIEW grants.v AS SELECT id FROM grants.t");
        createUser(source, "no_select", "REPLICATION SLAVE, REPLICATION CLIENT ON *.*");
        createUser(source, "no_repl_slave", "SELECT, REPLICATION CLIENT, SHOW VIEW ON *.*");
        createUser(source, "no_repl_client", "SELECT, REPLICATION SLAVE, SHOW VIEW ON *.*");
        createUser(source, "no_show_view", "SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.*");

        CheckResult select = run(sourceConfig(source, "no_select", "grants")).result("source.privilege.select");
        assertThat(select.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(select.objects()).containsExactly("grants");
        assertThat(select.fix()).isEqualTo("GRANT SELECT ON `grants`.* TO 'no_select'@'%';");

        CheckResult slave = run(sourceConfig(source, "no_repl_slave", "grants")).result("source.privilege.replication");
        assertThat(slave.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(slave.fix()).isEqualTo("GRANT REPLICATION SLAVE ON *.* TO 'no_repl_slave'@'%';");

        CheckResult client = run(sourceConfig(source, "no_repl_client", "grants")).result("source.privilege.replication");
        assertThat(client.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(client.fix()).isEqualTo("GRANT REPLICATION CLIENT ON *.* TO 'no_repl_client'@'%';");

        CheckResult view = run(sourceConfig(source, "no_show_view", "grants")).result("source.privilege.show_view");
        assertThat(view.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(view.objects()).containsExactly("grants.v");
        assertThat(view.fix()).isEqualTo("GRANT SHOW VIEW ON `grants`.* TO 'no_show_view'@'%';");
    }

    @Test
    void aDestinationUserThatCannotWriteFailsWithTheGrantToRun() throws Exception {
        source.execute("CREATE DATABASE dstgrants", "CREATE TABLE dstgrants.t (id INT PRIMARY KEY)");
        createUser(destination, "read_only", "SELECT ON *.*");
        CheckResult result = run(withDestination(sourceConfig(source, "ferry_src", "dstgrants"), destination, "read_only"))
                .result("destination.privileges");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("dstgrants (INSERT, UPDATE, DELETE, CREATE)", "ferry (INSERT, UPDATE, DELETE, CREATE)");
        assertThat(result.fix()).isEqualTo("GRANT INSERT, UPDATE, DELETE, CREATE ON `dstgrants`.* TO 'read_only'@'%'; "
                + "GRANT INSERT, UPDATE, DELETE, CREATE ON `ferry`.* TO 'read_only'@'%';");
    }

    @Test
    void aWrongPasswordFailsTheConnectionCheckOnTheUser() {
        Map<String, String> config = sourceConfig(source, "ferry_src", "good");
        config.put("database.password", "wrong");
        PrecheckReport report = run(config);
        CheckResult result = report.result("source.connection");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.detail()).contains("refused user 'ferry_src'");
        assertThat(result.fix()).contains("database.password");
        assertThat(report.result("source.binlog.format").detail()).contains("The source is not connected");
    }

    @Test
    void aMissingDatabaseFailsAndAPatternMatchingNothingWarns() throws Exception {
        source.execute("CREATE DATABASE IF NOT EXISTS sel", "CREATE TABLE IF NOT EXISTS sel.orders (id INT PRIMARY KEY)");
        Map<String, String> config = sourceConfig(source, "ferry_src", "sel,sell");
        CheckResult missing = run(config).result("source.selection.exists");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.objects()).containsExactly("sell");
        assertThat(missing.fix()).contains("Correct database.include.list", "GRANT SELECT, SHOW VIEW ON `sell`.* TO 'ferry_src'@'%';");

        config.put("database.include.list", "sel");
        config.put("table.include.list", "sel\\.orders,sel\\.order");
        CheckResult pattern = run(config).result("source.selection.exists");
        assertThat(pattern.status()).isEqualTo(CheckStatus.WARN);
        assertThat(pattern.objects()).containsExactly("sel\\.order");

        config.put("table.include.list", "sel\\.order");
        CheckResult empty = run(config).result("source.selection.exists");
        assertThat(empty.status()).isEqualTo(CheckStatus.WARN);
        assertThat(empty.detail()).contains("holds no base table");
        assertThat(empty.objects()).containsExactly("sel\\.order");
    }

    @Test
    void theSourcesOwnServerIdFails() throws Exception {
        source.execute("CREATE DATABASE IF NOT EXISTS sid", "CREATE TABLE IF NOT EXISTS sid.t (id INT PRIMARY KEY)");
        Map<String, String> config = sourceConfig(source, "ferry_src", "sid");
        config.put("database.server.id", Integer.toString(source.serverId()));
        CheckResult result = run(config).result("source.server_id");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.detail()).contains("is the source's own server_id");
        assertThat(result.fix()).contains("Set database.server.id to a number no server");
    }

    @Test
    void aDowngradeFromEightToFiveSevenFails() throws Exception {
        source.execute("CREATE DATABASE down", "CREATE TABLE down.t (id INT PRIMARY KEY, name VARCHAR(20))");
        PrecheckReport report = run(withDestination(sourceConfig(source, "ferry_src", "down"), destination57, "ferry_dst"));
        CheckResult version = report.result("destination.version");
        assertThat(version.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(version.detail()).contains("Source: MySQL 8.0.15", "destination: MySQL 5.7.22", "downgrade");
        assertThat(version.fix()).isEqualTo("Use a destination running MySQL 8.0 or later (upgrade the destination, e.g. to 8.0.x).");
        CheckResult collation = report.result("fidelity.collation.missing");
        assertThat(collation.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(collation.objects()).containsExactly("utf8mb4_0900_ai_ci: down.t.name");
        assertThat(collation.fix()).contains("ALTER TABLE `down`.`t` MODIFY `name` varchar(20) CHARACTER SET utf8mb4 "
                + "COLLATE utf8mb4_unicode_520_ci NULL;");
    }

    @Test
    void aConflictingTableFailsUnlessThisMigrationCreatedIt() throws Exception {
        source.execute("CREATE DATABASE conflict", "CREATE TABLE conflict.t (id INT PRIMARY KEY)",
                "CREATE TABLE conflict.mine (id INT PRIMARY KEY)", "CREATE TABLE conflict.fresh (id INT PRIMARY KEY)");
        destination.execute("CREATE DATABASE conflict", "CREATE TABLE conflict.t (id INT PRIMARY KEY)",
                "CREATE TABLE conflict.mine (id INT PRIMARY KEY)", "CREATE DATABASE IF NOT EXISTS ferry",
                "CREATE TABLE IF NOT EXISTS ferry.sink_progress (connector_name VARCHAR(255) NOT NULL, "
                        + "source_database VARCHAR(64) NOT NULL, source_table VARCHAR(64) NOT NULL, "
                        + "PRIMARY KEY (connector_name, source_database, source_table))",
                "INSERT INTO ferry.sink_progress VALUES ('earlier-run', 'conflict', 'mine')");
        CheckResult result = run(withDestination(sourceConfig(source, "ferry_src", "conflict"), destination, "ferry_dst"))
                .result("destination.tables.conflict");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("conflict.t");
        assertThat(result.detail()).contains("1 destination tables are this migration's own");
        assertThat(result.fix()).contains("RENAME TABLE `conflict`.`t` TO `conflict`.`t_old`;");
    }

    @Test
    void onceTheMigrationStartedDestinationTablesAreNotConflicts() throws Exception {
        source.execute("CREATE DATABASE started", "CREATE TABLE started.t (id INT PRIMARY KEY)");
        destination.execute("CREATE DATABASE started", "CREATE TABLE started.t (id INT PRIMARY KEY)");
        FerrySourceConfig config = new FerrySourceConfig(withDestination(sourceConfig(source, "ferry_src", "started"),
                destination, "ferry_dst"));
        CheckResult result = SourcePrecheck.run(config, true).result("destination.tables.conflict");
        assertThat(result.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(result.detail()).contains("already started");
    }

    @Test
    void aDataScanOutOfTimeIsReportedAsNotVerified() throws Exception {
        try (Connection c = source.openConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            s.execute("CREATE DATABASE slow");
            s.execute("CREATE TABLE slow.t (id INT PRIMARY KEY, d DATE)");
            s.execute("INSERT INTO slow.t VALUES (1, '0000-00-00')");
        }
        FerrySourceConfig config = new FerrySourceConfig(sourceConfig(source, "ferry_src", "slow"));
        PrecheckReport report = Precheck.execute(SourcePrecheck.sourceSide(config), null,
                SourcePrecheck.context(config, false).scanBudget(Duration.ofNanos(1)), Precheck.checks(), "none", Set.of());
        CheckResult result = report.result("fidelity.dates.zero");
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.objects()).containsExactly("slow.t.d");
        assertThat(result.detail()).contains("did not finish within the precheck's time limit");
        assertThat(result.fix()).startsWith("Run bin/ferry precheck source.json sink.json, which scans without a time limit");
    }

    @Test
    void aRowLargerThanTheDestinationsMaxAllowedPacketFails() throws Exception {
        source.execute("CREATE DATABASE big", "CREATE TABLE big.files (id INT PRIMARY KEY, body LONGBLOB)",
                "INSERT INTO big.files VALUES (1, REPEAT('a', 1000)), (7, REPEAT('b', 2 * 1024 * 1024))");
        destination.execute("SET GLOBAL max_allowed_packet = 1048576");
        try {
            CheckResult result = run(withDestination(sourceConfig(source, "ferry_src", "big"), destination, "ferry_dst"))
                    .result("destination.max_allowed_packet");
            assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(result.objects()).containsExactly("big.files (row id=7)");
            assertThat(result.fix()).startsWith("SET PERSIST max_allowed_packet = 4194304;");
        }
        finally {
            destination.execute("SET GLOBAL max_allowed_packet = 67108864");
        }
    }

    @Test
    void differentDefaultTimeZonesWarnWhenTimestampsAreMigrated() throws Exception {
        source.execute("CREATE DATABASE tz", "CREATE TABLE tz.t (id INT PRIMARY KEY, at TIMESTAMP NULL, local_at DATETIME NULL)");
        String before = destination.queryString("SELECT @@GLOBAL.time_zone");
        destination.execute("SET GLOBAL time_zone = '+02:00'");
        try {
            CheckResult result = run(withDestination(sourceConfig(source, "ferry_src", "tz"), destination, "ferry_dst"))
                    .result("fidelity.timezone");
            assertThat(result.status()).isEqualTo(CheckStatus.WARN);
            assertThat(result.objects()).containsExactly("tz.t.at");
            assertThat(result.detail()).contains("copied as the same instants", "destination +02:00");
            String sourceOffset = source.queryString("SELECT TIME_FORMAT(TIMEDIFF(NOW(), UTC_TIMESTAMP()), '%H:%i')");
            assertThat(result.fix()).startsWith("Give the destination the source's default: SET PERSIST time_zone = '"
                    + (sourceOffset.startsWith("-") ? "" : "+") + sourceOffset + "';");
        }
        finally {
            destination.execute("SET GLOBAL time_zone = '" + before + "'");
        }
    }

    @Test
    void aKeylessTableWarnsAndTheWarningCanBeAcknowledged() throws Exception {
        source.execute("CREATE DATABASE keyless", "CREATE TABLE keyless.log (at DATETIME, msg VARCHAR(20))",
                "CREATE TABLE keyless.keyed (id INT PRIMARY KEY)",
                "CREATE TABLE keyless.nullable_unique (code INT NULL, UNIQUE KEY (code))");
        Map<String, String> config = sourceConfig(source, "ferry_src", "keyless");
        PrecheckReport report = run(config);
        CheckResult result = report.result("source.tables.keyless");
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.objects()).containsExactly("keyless.log", "keyless.nullable_unique");
        assertThat(result.detail()).contains("exactly once", "scans the destination table");
        assertThat(result.fix()).contains("ALTER TABLE `keyless`.`log` ADD COLUMN ferry_row_id BIGINT UNSIGNED NOT NULL "
                + "AUTO_INCREMENT PRIMARY KEY;", "precheck.acknowledged.warnings=source.tables.keyless");
        assertThat(report.blocking()).extracting(CheckResult::id).containsExactly("source.tables.keyless");

        config.put("precheck.acknowledged.warnings", "source.tables.keyless");
        PrecheckReport acknowledged = run(config);
        assertThat(acknowledged.blocked()).as(acknowledged.table()).isFalse();
        assertThat(acknowledged.table()).contains("WARN(ack)");
    }

    @Test
    void anEmojiInAUtf8mb4ColumnGoingToAUtf8mb3ColumnFails() throws Exception {
        source.execute("CREATE DATABASE emoji",
                "CREATE TABLE emoji.t (id INT PRIMARY KEY, txt VARCHAR(20) CHARACTER SET utf8mb4, other VARCHAR(20) CHARACTER SET utf8mb4)",
                "INSERT INTO emoji.t VALUES (1, 'plain', 'caf\u00e9'), (2, 'smile \uD83D\uDE00', 'na\u00efve'), (3, NULL, NULL)");
        destination.execute("CREATE DATABASE emoji",
                "CREATE TABLE emoji.t (id INT PRIMARY KEY, txt VARCHAR(20) CHARACTER SET utf8mb3, other VARCHAR(20) CHARACTER SET utf8mb3)");
        PrecheckReport report = run(withDestination(sourceConfig(source, "ferry_src", "emoji"), destination, "ferry_dst"));
        CheckResult result = report.result("fidelity.charset.4byte");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("emoji.t.txt utf8mb4 -> utf8 (row id=2)");
        assertThat(result.detail()).contains("utf8mb3 has no 4-byte characters");
        assertThat(result.fix()).contains("ALTER TABLE `emoji`.`t` MODIFY `txt` varchar(20) CHARACTER SET utf8mb4 "
                + "COLLATE utf8mb4_0900_ai_ci NULL;");
        // The same pair fails the conflict check too: the destination table exists.
        assertThat(report.result("destination.tables.conflict").objects()).containsExactly("emoji.t");
    }

    @Test
    void aZeroDateWithAStrictDestinationWarnsTruthfully() throws Exception {
        try (Connection c = source.openConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            s.execute("CREATE DATABASE zerodate");
            s.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            s.execute("CREATE TABLE zerodate.t (id INT PRIMARY KEY, d DATE NULL, ok DATETIME NULL, inv DATETIME NULL)");
            s.execute("INSERT INTO zerodate.t VALUES (1, '2024-01-31', '2024-02-29 10:00:00', NULL), (2, '0000-00-00', NULL, NULL), "
                    + "(3, NULL, NULL, '2023-02-31 12:00:00')");
        }
        PrecheckReport report = run(withDestination(sourceConfig(source, "ferry_src", "zerodate"), destination, "ferry_dst"));
        CheckResult result = report.result("fidelity.dates.zero");
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.objects()).containsExactly("zerodate.t.d (row id=2)", "zerodate.t.inv (row id=3)");
        assertThat(result.detail()).contains("Ferry copies them unchanged", "ALLOW_INVALID_DATES",
                "The destination's own sql_mode (ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE",
                "through the binlog");
        assertThat(result.fix()).contains("UPDATE `zerodate`.`t` SET `d` = NULL WHERE `d` IS NOT NULL AND (LAST_DAY(`d`) IS NULL OR "
                        + "DAYOFMONTH(`d`) > DAYOFMONTH(LAST_DAY(`d`)));",
                "SET PERSIST sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                        + "NO_ENGINE_SUBSTITUTION,ALLOW_INVALID_DATES';");

        // What the result says is what the servers do: the sink's session takes the value, the default one refuses it.
        destination.execute("CREATE DATABASE zerodate", "CREATE TABLE zerodate.t (id INT PRIMARY KEY, d DATE NULL)");
        try (Connection c = destination.openConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = '" + dev.ferry.core.config.SinkSession.SQL_MODE + "'");
            s.execute("INSERT INTO zerodate.t VALUES (2, '0000-00-00')");
        }
        assertThatThrownBy(() -> destination.execute("CREATE TABLE zerodate.copy LIKE zerodate.t",
                "INSERT INTO zerodate.copy SELECT * FROM zerodate.t"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Incorrect date value: '0000-00-00'");
    }
}
