package dev.ferry.precheck;

import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.CheckStatus;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.ferry.precheck.PrecheckServers.PASSWORD;
import static dev.ferry.precheck.PrecheckServers.createUser;
import static dev.ferry.precheck.PrecheckServers.run;
import static dev.ferry.precheck.PrecheckServers.sourceConfig;
import static dev.ferry.precheck.PrecheckServers.url;
import static dev.ferry.precheck.PrecheckServers.withDestination;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prechecks of schema migration on real 8.0 and 5.7 servers: the grants the destination and the
 * source need for the object kinds actually selected, and the objects that cannot be carried over. Each
 * failure's fix is then applied, or the refusal it predicts is shown on the server.
 */
@Tag("integration")
class SchemaPrecheckIT {
    private static MySqlServer source;
    private static MySqlServer destination;
    private static MySqlServer source57;
    private static MySqlServer destination57;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "SchemaPrecheckIT"));
        source = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("source").start();
        destination = MySqlServer.builder(MySqlVersion.V8_0).workDir(work).name("destination")
                .flag("disabled-storage-engines", "ARCHIVE").start();
        source57 = MySqlServer.builder(MySqlVersion.V5_7).workDir(work).name("source57").start();
        destination57 = MySqlServer.builder(MySqlVersion.V5_7).workDir(work).name("destination57").start();
        for (MySqlServer server : new MySqlServer[] {source, source57}) {
            createUser(server, "ferry_src", "SELECT, REPLICATION SLAVE, REPLICATION CLIENT, SHOW VIEW, TRIGGER, EVENT ON *.*");
        }
        createUser(destination, "ferry_dst", "ALL PRIVILEGES ON *.*");
        createUser(destination57, "ferry_dst", "ALL PRIVILEGES ON *.*");
    }

    @AfterAll
    static void stop() {
        for (MySqlServer server : new MySqlServer[] {source, destination, source57, destination57}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theDestinationUserNeedsTheGrantsOfEachSelectedObjectKind() throws Exception {
        source.execute("CREATE DATABASE objs", "CREATE TABLE objs.parent (id INT PRIMARY KEY)",
                "CREATE TABLE objs.child (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_parent FOREIGN KEY (parent_id) "
                        + "REFERENCES objs.parent (id))",
                "CREATE SQL SECURITY INVOKER VIEW objs.v AS SELECT id FROM objs.parent",
                "CREATE PROCEDURE objs.p() SQL SECURITY INVOKER SELECT 1",
                "CREATE FUNCTION objs.f() RETURNS INT DETERMINISTIC SQL SECURITY INVOKER RETURN 1",
                "CREATE TRIGGER objs.tr BEFORE INSERT ON objs.child FOR EACH ROW SET NEW.parent_id = NEW.parent_id",
                "CREATE EVENT objs.e ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM objs.child WHERE id < 0");
        createUser(destination, "dst_rows", "SELECT, INSERT, UPDATE, DELETE, CREATE ON `objs`.*");
        destination.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON `ferry`.* TO 'dst_rows'@'%'");
        Map<String, String> config = withDestination(sourceConfig(source, "ferry_src", "objs"), destination, "dst_rows");
        config.put("schema.events", "true");

        PrecheckReport report = run(config);
        CheckResult grants = report.result("destination.privileges.schema");
        assertThat(grants.status()).as(report.table()).isEqualTo(CheckStatus.FAIL);
        assertThat(grants.objects()).containsExactly("objs (ALTER for DDL replay, INDEX for DDL replay, DROP for DDL replay, "
                + "REFERENCES for foreign keys, CREATE VIEW for views, CREATE ROUTINE for procedures and functions, "
                + "ALTER ROUTINE for procedures and functions, TRIGGER for triggers, EVENT for events)");
        assertThat(grants.fix()).isEqualTo("GRANT ALTER, INDEX, DROP, REFERENCES, CREATE VIEW, CREATE ROUTINE, ALTER ROUTINE, "
                + "TRIGGER, EVENT ON `objs`.* TO 'dst_rows'@'%';");
        CheckResult creators = report.result("destination.function_creators");
        assertThat(creators.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(creators.objects()).containsExactly("function objs.f", "trigger objs.tr");
        assertThat(creators.fix()).isEqualTo("SET PERSIST log_bin_trust_function_creators = 1;");
        assertThat(report.result("destination.privileges").status()).isEqualTo(CheckStatus.PASS);

        // Without incremental there is no DDL to replay, so ALTER, INDEX and DROP are not asked for.
        config.put("migration.types", "schema,full");
        assertThat(run(config).result("destination.privileges.schema").objects()).containsExactly("objs (REFERENCES for foreign "
                + "keys, CREATE VIEW for views, CREATE ROUTINE for procedures and functions, ALTER ROUTINE for procedures and "
                + "functions, TRIGGER for triggers, EVENT for events)");
        config.remove("migration.types");

        destination.execute(statement(grants.fix()));
        destination.execute("CREATE DATABASE objs");
        // What function_creators predicts is what the server does: refused until the fix, created after it.
        assertThatThrownBy(() -> runAs(destination, "dst_rows", "CREATE FUNCTION objs.f() RETURNS INT DETERMINISTIC RETURN 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("log_bin_trust_function_creators");
        destination.execute(statement(creators.fix()));
        try {
            runAs(destination, "dst_rows", "CREATE FUNCTION objs.f() RETURNS INT DETERMINISTIC RETURN 1");
            PrecheckReport fixed = run(config);
            assertThat(fixed.result("destination.privileges.schema").status()).isEqualTo(CheckStatus.PASS);
            assertThat(fixed.result("destination.function_creators").status()).isEqualTo(CheckStatus.PASS);
            assertThat(fixed.result("destination.function_creators").detail()).contains("log_bin_trust_function_creators=1");
        }
        finally {
            destination.execute("SET PERSIST log_bin_trust_function_creators = 0");
        }
    }

    @Test
    void routineBodiesTheSourceUserCannotReadFailByName() throws Exception {
        source.execute("CREATE DATABASE rtn", "CREATE TABLE rtn.t (id INT PRIMARY KEY)",
                "CREATE PROCEDURE rtn.p() SELECT COUNT(*) FROM rtn.t",
                "CREATE FUNCTION rtn.f() RETURNS INT DETERMINISTIC RETURN 1",
                "CREATE TRIGGER rtn.tr BEFORE INSERT ON rtn.t FOR EACH ROW SET NEW.id = NEW.id",
                "CREATE EVENT rtn.e ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM rtn.t WHERE id < 0");
        createUser(source, "src_exec", "SELECT, SHOW VIEW, TRIGGER, EXECUTE ON `rtn`.*");
        CheckResult routines = run(sourceConfig(source, "src_exec", "rtn")).result("source.privilege.routines");
        assertThat(routines.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(routines.objects()).containsExactly("function rtn.f", "procedure rtn.p");
        assertThat(routines.detail()).contains("bodies read as NULL");
        assertThat(routines.fix()).isEqualTo("GRANT SELECT ON *.* TO 'src_exec'@'%'; (MySQL before 8.0.20 shows routine bodies "
                + "only to their definer and to global SELECT)");
        source.execute("GRANT SELECT ON *.* TO 'src_exec'@'%'");
        assertThat(run(sourceConfig(source, "src_exec", "rtn")).result("source.privilege.routines").status()).isEqualTo(CheckStatus.PASS);

        // Without TRIGGER and EVENT, MySQL hides triggers and events: the databases are named.
        createUser(source, "src_plain", "SELECT, SHOW VIEW ON *.*");
        Map<String, String> config = sourceConfig(source, "src_plain", "rtn");
        config.put("schema.events", "true");
        PrecheckReport report = run(config);
        assertThat(report.result("source.privilege.routines").status()).isEqualTo(CheckStatus.PASS);
        CheckResult triggers = report.result("source.privilege.triggers");
        assertThat(triggers.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(triggers.objects()).containsExactly("rtn");
        assertThat(triggers.fix()).isEqualTo("GRANT TRIGGER ON `rtn`.* TO 'src_plain'@'%';");
        CheckResult events = report.result("source.privilege.events");
        assertThat(events.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(events.fix()).isEqualTo("GRANT EVENT ON `rtn`.* TO 'src_plain'@'%';");
        assertThat(countAs(source, "src_plain", "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'rtn'"))
                .isZero();
        source.execute(statement(triggers.fix()), statement(events.fix()));
        assertThat(countAs(source, "src_plain", "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'rtn'"))
                .isOne();
        PrecheckReport fixed = run(config);
        assertThat(fixed.result("source.privilege.triggers").status()).isEqualTo(CheckStatus.PASS);
        assertThat(fixed.result("source.privilege.events").status()).isEqualTo(CheckStatus.PASS);

        config.put("migration.types", "full,incremental");
        assertThat(run(config).result("source.privilege.routines").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void onFiveSevenRoutineBodiesNeedSelectOnMysqlProc() throws Exception {
        source57.execute("CREATE DATABASE rtn57", "CREATE TABLE rtn57.t (id INT PRIMARY KEY)",
                "CREATE PROCEDURE rtn57.p() SELECT COUNT(*) FROM rtn57.t");
        createUser(source57, "src_exec", "SELECT, SHOW VIEW, TRIGGER, EXECUTE ON `rtn57`.*");
        CheckResult routines = run(sourceConfig(source57, "src_exec", "rtn57")).result("source.privilege.routines");
        assertThat(routines.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(routines.objects()).containsExactly("procedure rtn57.p");
        assertThat(routines.fix()).isEqualTo("GRANT SELECT ON mysql.proc TO 'src_exec'@'%';");
        source57.execute(statement(routines.fix()));
        assertThat(run(sourceConfig(source57, "src_exec", "rtn57")).result("source.privilege.routines").status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void objectsThatCannotBeCarriedOverAreNamedBeforeDataMoves() throws Exception {
        source.execute("CREATE DATABASE other", "CREATE TABLE other.parent (id INT PRIMARY KEY)",
                "CREATE TABLE other.lookup (id INT PRIMARY KEY)",
                "CREATE DATABASE carry",
                "CREATE TABLE carry.orders (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_parent FOREIGN KEY (parent_id) "
                        + "REFERENCES other.parent (id) ON DELETE CASCADE)",
                "CREATE TABLE carry.arch (id INT) ENGINE=ARCHIVE",
                "CREATE VIEW carry.v_outside AS SELECT l.id FROM other.lookup l JOIN carry.orders o ON o.id = l.id",
                "CREATE PROCEDURE carry.p() SELECT COUNT(*) FROM carry.orders");
        PrecheckReport report = run(withDestination(sourceConfig(source, "ferry_src", "carry"), destination, "ferry_dst"));

        CheckResult outside = report.result("schema.references.outside");
        assertThat(outside.status()).as(report.table()).isEqualTo(CheckStatus.WARN);
        assertThat(outside.objects()).containsExactly("view carry.v_outside reads other.lookup (the view is not created)",
                "foreign key carry.orders.fk_parent references other.parent (the key is not created)");
        assertThat(outside.fix()).contains("precheck.acknowledged.warnings=schema.references.outside");

        CheckResult cascades = report.result("schema.cascades");
        assertThat(cascades.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(cascades.objects()).containsExactly("carry.orders.fk_parent -> other.parent (ON DELETE CASCADE)");
        assertThat(cascades.fix()).contains("other\\.parent");

        CheckResult engines = report.result("destination.engines");
        assertThat(engines.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(engines.objects()).containsExactly("carry.arch (ARCHIVE)");
        assertThat(engines.fix()).startsWith("Convert them on the source (ALTER TABLE `carry`.`arch` ENGINE=InnoDB;");
        destination.execute("CREATE DATABASE IF NOT EXISTS probe");
        assertThatThrownBy(() -> destination.execute("CREATE TABLE probe.arch (id INT) ENGINE=ARCHIVE"))
                .isInstanceOf(SQLException.class);

        CheckResult definer = report.result("schema.objects.definer");
        assertThat(definer.status()).isEqualTo(CheckStatus.WARN);
        assertThat(definer.objects()).hasSize(2);
        assertThat(definer.objects().get(0)).isEqualTo("view carry.v_outside");
        assertThat(definer.objects().get(1)).startsWith("procedure carry.p (definer root@");
        assertThat(definer.fix()).contains("GRANT SELECT ON `other`.`lookup` TO '<each user calling it>'@'%';",
                "GRANT SELECT ON `carry`.`orders` TO '<each user calling it>'@'%';",
                "GRANT EXECUTE ON PROCEDURE `carry`.`p` TO '<each user calling it>'@'%';");

        // Only full migration: no cascade is repeated, so an unselected parent does not matter.
        Map<String, String> full = withDestination(sourceConfig(source, "ferry_src", "carry"), destination, "ferry_dst");
        full.put("migration.types", "schema,full");
        assertThat(run(full).result("schema.cascades").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void chainsAndTreesPassAndAChainThroughAnUnmigratedReferencedColumnWarns() throws Exception {
        source.execute("CREATE DATABASE chain", "CREATE TABLE chain.a (id INT PRIMARY KEY)",
                "CREATE TABLE chain.b (id INT PRIMARY KEY, code INT UNIQUE, a_id INT, CONSTRAINT b_a FOREIGN KEY (a_id) "
                        + "REFERENCES chain.a (id) ON DELETE CASCADE)",
                "CREATE TABLE chain.c (id INT PRIMARY KEY, b_code INT, CONSTRAINT c_b FOREIGN KEY (b_code) REFERENCES chain.b (code) "
                        + "ON DELETE CASCADE)",
                "CREATE TABLE chain.tree (id INT PRIMARY KEY, parent_id INT, CONSTRAINT t_t FOREIGN KEY (parent_id) "
                        + "REFERENCES chain.tree (id) ON DELETE CASCADE)");
        // Every level is repeated, with or without schema migration.
        assertThat(run(sourceConfig(source, "ferry_src", "chain")).result("schema.cascades").status()).isEqualTo(CheckStatus.PASS);
        Map<String, String> noSchema = sourceConfig(source, "ferry_src", "chain");
        noSchema.put("migration.types", "full,incremental");
        assertThat(run(noSchema).result("schema.cascades").status()).isEqualTo(CheckStatus.PASS);

        Map<String, String> withoutCode = sourceConfig(source, "ferry_src", "chain");
        withoutCode.put("migration.types", "full,incremental");
        withoutCode.put("column.exclude.list", "chain\\.b\\.code");
        CheckResult result = run(withoutCode).result("schema.cascades");
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.objects()).containsExactly("chain.a -> chain.b (b_a) -> chain.c (c_b): rows of chain.c under cascaded "
                + "rows of chain.b, whose referenced columns [code] are not migrated");
        assertThat(result.fix()).endsWith("precheck.acknowledged.warnings=schema.cascades");
    }

    @Test
    void eightToFiveSevenNamesIndexesFiveSevenCannotCarry() throws Exception {
        source.execute("CREATE DATABASE newfeat",
                "CREATE TABLE newfeat.t (id INT PRIMARY KEY, a INT, KEY k_desc (a DESC), KEY k_fn ((a + 1)))");
        CheckResult result = run(withDestination(sourceConfig(source, "ferry_src", "newfeat"), destination57, "ferry_dst"))
                .result("fidelity.objects.version");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("functional index newfeat.t.k_fn (5.7 has no functional key parts)",
                "descending index newfeat.t.k_desc (5.7 builds it ascending)");
        destination57.execute("CREATE DATABASE newfeat");
        assertThatThrownBy(() -> destination57.execute(showCreate(source, "SHOW CREATE TABLE newfeat.t", 2)
                .replace("CREATE TABLE `t`", "CREATE TABLE `newfeat`.`t`"))).isInstanceOf(SQLException.class);
    }

    @Test
    void fiveSevenBodiesUsingWordsEightReservesFailByName() throws Exception {
        source57.execute("CREATE DATABASE kw", "CREATE TABLE kw.t (id INT PRIMARY KEY, n INT)",
                "CREATE PROCEDURE kw.p() BEGIN DECLARE rank INT DEFAULT 1; SELECT rank, t.id FROM kw.t t; END",
                "CREATE TRIGGER kw.tr BEFORE INSERT ON kw.t FOR EACH ROW SET @rows = NEW.id");
        CheckResult result = run(withDestination(sourceConfig(source57, "ferry_src", "kw"), destination, "ferry_dst"))
                .result("fidelity.objects.version");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.objects()).containsExactly("procedure kw.p uses RANK as a bare identifier (reserved in MySQL 8.0)");
        destination.execute("CREATE DATABASE kw");
        String create = showCreate(source57, "SHOW CREATE PROCEDURE kw.p", 3).replaceFirst("DEFINER=`[^`]*`@`[^`]*` ", "")
                .replace("PROCEDURE `p`", "PROCEDURE `kw`.`p`");
        assertThatThrownBy(() -> destination.execute(create)).isInstanceOf(SQLException.class)
                .hasMessageContaining("near 'rank");
    }

    private static String statement(String fix) {
        return fix.substring(0, fix.indexOf(';'));
    }

    private static void runAs(MySqlServer server, String user, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url(server), user, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int countAs(MySqlServer server, String user, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url(server), user, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String showCreate(MySqlServer server, String sql, int column) throws SQLException {
        try (Connection c = server.openConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }
}
