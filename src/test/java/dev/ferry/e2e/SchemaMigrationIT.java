package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.TableComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema migration on real servers: every table, with every column attribute, index kind,
 * partitioning, table options and foreign keys (a cycle among them), arrives so that {@code SHOW
 * CREATE TABLE} on the destination equals the source's; under a name mapping, renamed and excluded
 * columns are carried through indexes and foreign keys.
 */
@Tag("integration")
class SchemaMigrationIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(SchemaMigrationIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static final List<String> EVERY_KIND = List.of(
            "CREATE DATABASE sm_all DEFAULT CHARACTER SET latin1 COLLATE latin1_general_ci",
            "CREATE TABLE sm_all.kitchen ("
                    + " id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'the key, with `ticks` and ''quotes''',"
                    + " code CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'x''y',"
                    + " name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,"
                    + " price DECIMAL(12,3) UNSIGNED DEFAULT '1.500',"
                    + " ratio FLOAT(7,3) ZEROFILL,"
                    + " flags SET('a','b','c') DEFAULT 'a,c',"
                    + " kind ENUM('x','y') NOT NULL DEFAULT 'y',"
                    + " created DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),"
                    + " updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                    + " doc JSON,"
                    + " total DECIMAL(14,3) GENERATED ALWAYS AS (price * 2) STORED,"
                    + " label VARCHAR(120) AS (CONCAT(code, '-', name)) VIRTUAL,"
                    + " body TEXT,"
                    + " pos POINT NOT NULL /*!80003 SRID 0 */,"
                    + " PRIMARY KEY (id),"
                    + " UNIQUE KEY uk_code (code),"
                    + " KEY idx_name_prefix (name(10), price DESC),"
                    + " KEY idx_total (total),"
                    + " FULLTEXT KEY ft_body (body),"
                    + " SPATIAL KEY sp_pos (pos)"
                    + ") ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC COMMENT='kitchen, sink'",
            "INSERT INTO sm_all.kitchen (code, name, price, ratio, flags, doc, body, pos) VALUES"
                    + " ('a', 'Ålesund', 2.5, 1.25, 'b', '{\"k\": [1, 2]}', 'some words here', ST_GeomFromText('POINT(1 2)')),"
                    + " ('b', NULL, NULL, NULL, '', NULL, NULL, ST_GeomFromText('POINT(3 4)'))",
            "CREATE TABLE sm_all.parts (id INT NOT NULL, at DATE NOT NULL, note VARCHAR(10), PRIMARY KEY (id, at))"
                    + " PARTITION BY RANGE (YEAR(at)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)",
            "INSERT INTO sm_all.parts VALUES (1, '2023-05-01', 'old'), (2, '2025-01-01', 'new')",
            "CREATE TABLE sm_all.hashed (id INT NOT NULL PRIMARY KEY, v INT) PARTITION BY KEY (id) PARTITIONS 3",
            "INSERT INTO sm_all.hashed VALUES (1, 1), (2, 2), (3, 3)",
            // A foreign key cycle: each table references the other.
            "CREATE TABLE sm_all.a (id INT PRIMARY KEY, b_id INT, KEY (b_id))",
            "CREATE TABLE sm_all.b (id INT PRIMARY KEY, a_id INT NOT NULL,"
                    + " CONSTRAINT b_to_a FOREIGN KEY (a_id) REFERENCES sm_all.a (id) ON DELETE CASCADE ON UPDATE CASCADE)",
            "ALTER TABLE sm_all.a ADD CONSTRAINT a_to_b FOREIGN KEY (b_id) REFERENCES sm_all.b (id) ON DELETE SET NULL");

    @Test
    void everyTableArrivesAsTheSourceWroteIt() throws Exception {
        stack.source().execute(EVERY_KIND.toArray(String[]::new));
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            s.execute("SET foreign_key_checks = 0");
            s.execute("INSERT INTO sm_all.a VALUES (1, 1), (2, 2), (3, NULL)");
            s.execute("INSERT INTO sm_all.b VALUES (1, 1), (2, 1)");
        }
        List<String> tables = List.of("kitchen", "parts", "hashed", "a", "b");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_all", "sm_all");
        p.deploy(Map.of("precheck.acknowledged.warnings", "source.tables.keyless,schema.cascades"), Map.of());
        awaitSnapshots("sm_all", tables.size());
        assertThat(showCreate(stack.destination(), "DATABASE", "`sm_all`")).isEqualTo(showCreate(stack.source(), "DATABASE", "`sm_all`"));
        for (String table : tables) {
            assertThat(showCreate(stack.destination(), "TABLE", "sm_all." + table)).as(table)
                    .isEqualTo(showCreate(stack.source(), "TABLE", "sm_all." + table));
        }
        // The tables the schema step created take binlog changes too.
        stack.source().execute("INSERT INTO sm_all.kitchen (code, name, pos) VALUES ('c', 'live', ST_GeomFromText('POINT(5 6)'))",
                "UPDATE sm_all.kitchen SET price = 9 WHERE code = 'a'", "INSERT INTO sm_all.parts VALUES (3, '2030-01-01', 'live')");
        awaitEqual("sm_all", tables);
        assertThat(showCreate(stack.destination(), "TABLE", "sm_all.kitchen")).isEqualTo(showCreate(stack.source(), "TABLE", "sm_all.kitchen"));
    }

    @Test
    void renamedAndExcludedColumnsAreCarriedThroughIndexesAndForeignKeys() throws Exception {
        stack.source().execute("CREATE DATABASE sm_map",
                "CREATE TABLE sm_map.customers (id INT PRIMARY KEY, name VARCHAR(40), secret VARCHAR(40),"
                        + " KEY idx_secret (secret), KEY idx_name (name), KEY idx_both (name, secret))",
                "CREATE TABLE sm_map.orders (id INT PRIMARY KEY, customer_id INT NOT NULL, amount INT,"
                        + " doubled INT AS (amount * 2) STORED, KEY idx_amount (amount),"
                        + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE)",
                "INSERT INTO sm_map.customers VALUES (1, 'Ann', 's1'), (2, 'Bob', 's2')",
                "INSERT INTO sm_map.orders (id, customer_id, amount) VALUES (10, 1, 5), (11, 2, 7)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_map", "sm_map");
        p.deploy(Map.of("mapping.databases", "sm_map:sm_map_v2", "mapping.tables", "sm_map.customers:clients",
                "mapping.columns", "sm_map.customers.id:client_id, sm_map.orders.customer_id:client",
                "column.exclude.list", "sm_map\\.customers\\.secret"), Map.of("topics.regex", "sm_map\\.sm_map\\..*"));
        awaitSnapshots("sm_map_v2", 2);
        assertThat(showCreate(stack.destination(), "TABLE", "sm_map_v2.clients")).isEqualTo("""
                CREATE TABLE `clients` (
                  `client_id` int(11) NOT NULL,
                  `name` varchar(40) DEFAULT NULL,
                  PRIMARY KEY (`client_id`),
                  KEY `idx_name` (`name`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""");
        assertThat(showCreate(stack.destination(), "TABLE", "sm_map_v2.orders")).isEqualTo("""
                CREATE TABLE `orders` (
                  `id` int(11) NOT NULL,
                  `client` int(11) NOT NULL,
                  `amount` int(11) DEFAULT NULL,
                  `doubled` int(11) GENERATED ALWAYS AS ((`amount` * 2)) STORED,
                  PRIMARY KEY (`id`),
                  KEY `idx_amount` (`amount`),
                  KEY `orders_customer` (`client`),
                  CONSTRAINT `orders_customer` FOREIGN KEY (`client`) REFERENCES `clients` (`client_id`) ON DELETE CASCADE
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id, client, doubled ORDER BY id) FROM sm_map_v2.orders"))
                .isEqualTo("10110,11214");
    }

    /**
     * Deletes and key updates of parent rows whose foreign keys cascade (CASCADE, SET NULL, on a
     * primary and on a unique key, into a keyed and a keyless child) change child rows on the source
     * that the binlog does not show; the destination ends equal, also when the child rows changed in
     * the same transaction before the cascade.
     */
    @Test
    void cascadesOnTheSourceLeaveTheDestinationEqual() throws Exception {
        stack.source().execute("CREATE DATABASE sm_casc",
                "CREATE TABLE sm_casc.parent (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY uk_code (code))",
                "CREATE TABLE sm_casc.child (id INT PRIMARY KEY, parent_id INT, v INT, CONSTRAINT c_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES sm_casc.parent (id) ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE sm_casc.by_code (id INT PRIMARY KEY, parent_code VARCHAR(10), CONSTRAINT b_parent FOREIGN KEY"
                        + " (parent_code) REFERENCES sm_casc.parent (code) ON DELETE SET NULL ON UPDATE SET NULL)",
                "CREATE TABLE sm_casc.log (parent_id INT, note VARCHAR(10), CONSTRAINT l_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES sm_casc.parent (id) ON DELETE CASCADE ON UPDATE CASCADE)",
                // Two foreign keys of one child on one parent: both cascade from the same binlog row.
                "CREATE TABLE sm_casc.pair (id INT PRIMARY KEY, a INT, b INT,"
                        + " CONSTRAINT p_a FOREIGN KEY (a) REFERENCES sm_casc.parent (id) ON DELETE CASCADE,"
                        + " CONSTRAINT p_b FOREIGN KEY (b) REFERENCES sm_casc.parent (id) ON DELETE SET NULL)",
                "INSERT INTO sm_casc.parent VALUES (1, 'c1'), (2, 'c2'), (3, 'c3'), (4, 'c4'), (5, 'c5')",
                "INSERT INTO sm_casc.pair VALUES (1, 1, 3), (2, 3, 1), (3, 3, 3)",
                "INSERT INTO sm_casc.child VALUES (11, 1, 0), (12, 1, 0), (21, 2, 0), (22, 2, 0), (31, 3, 0), (41, 4, 0), (51, 5, 0)",
                "INSERT INTO sm_casc.by_code VALUES (1, 'c1'), (2, 'c2'), (3, 'c3'), (4, 'c4'), (5, 'c5')",
                "INSERT INTO sm_casc.log VALUES (1, 'a'), (1, 'b'), (2, 'a'), (3, 'a'), (4, 'a'), (5, 'a')");
        List<String> tables = List.of("parent", "child", "by_code", "log", "pair");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_casc", "sm_casc");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("sm_casc", tables.size());
        stack.source().execute("DELETE FROM sm_casc.parent WHERE id = 1",
                "UPDATE sm_casc.parent SET id = 20 WHERE id = 2",
                "UPDATE sm_casc.parent SET code = 'c3x' WHERE id = 3",
                "UPDATE sm_casc.child SET v = 9 WHERE parent_id = 20");
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO sm_casc.child VALUES (42, 4, 1)");
            s.execute("UPDATE sm_casc.child SET v = 5 WHERE parent_id = 4");
            s.execute("INSERT INTO sm_casc.log VALUES (4, 'b')");
            s.execute("DELETE FROM sm_casc.parent WHERE id = 4");
            s.execute("INSERT INTO sm_casc.parent VALUES (4, 'c4')");
            s.execute("INSERT INTO sm_casc.child VALUES (43, 4, 2)");
            c.commit();
        }
        stack.source().execute("UPDATE sm_casc.parent SET id = 50, code = 'c5x' WHERE id = 5");
        awaitEqual("sm_casc", tables);
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id, ':', parent_id ORDER BY id) FROM sm_casc.child"))
                .isEqualTo("21:20,22:20,31:3,43:4,51:50");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id, ':', a, ':', IFNULL(b, '-') ORDER BY id) FROM sm_casc.pair"))
                .isEqualTo("2:3:-,3:3:3");
    }

    /**
     * A database selected as a whole brings its views (in dependency order), functions, procedures and
     * triggers; they run as invoker and without the source's definer, and the triggers do not fire for
     * the sink's writes while rows stream (the audit rows the source's trigger writes arrive once).
     */
    @Test
    void viewsRoutinesAndTriggersOfAWholeDatabase() throws Exception {
        stack.source().execute("CREATE DATABASE sm_obj",
                "CREATE TABLE sm_obj.t (id INT PRIMARY KEY, v INT, doubled INT)",
                "CREATE TABLE sm_obj.audit (id INT AUTO_INCREMENT PRIMARY KEY, t_id INT, note VARCHAR(20))",
                "CREATE TRIGGER sm_obj.t_bi BEFORE INSERT ON sm_obj.t FOR EACH ROW SET NEW.doubled = NEW.v * 2",
                "CREATE TRIGGER sm_obj.t_ai AFTER INSERT ON sm_obj.t FOR EACH ROW INSERT INTO audit (t_id, note) VALUES (NEW.id, 'ins')",
                "CREATE TRIGGER sm_obj.t_au AFTER UPDATE ON sm_obj.t FOR EACH ROW BEGIN\n"
                        + "  IF NEW.v <> OLD.v THEN INSERT INTO audit (t_id, note) VALUES (NEW.id, 'upd'); END IF;\nEND",
                "CREATE VIEW sm_obj.z_base AS SELECT id, v FROM sm_obj.t WHERE v > 0",
                "CREATE VIEW sm_obj.a_top AS SELECT id FROM sm_obj.z_base WHERE v > 1",
                "CREATE FUNCTION sm_obj.f_double(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                "CREATE PROCEDURE sm_obj.p_add(IN x INT) BEGIN INSERT INTO t (id, v) VALUES (x, x); END",
                "INSERT INTO sm_obj.t (id, v) VALUES (1, 1), (2, 2)",
                // information_schema.TRIGGERS and SHOW CREATE TRIGGER show only triggers the user holds TRIGGER on.
                "GRANT TRIGGER ON sm_obj.* TO '" + FerryPipeline.SOURCE_USER + "'@'%'");
        List<String> tables = List.of("t", "audit");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_obj", "sm_obj");
        p.deploy(Map.of("precheck.acknowledged.warnings", "source.tables.keyless,schema.objects.definer"), Map.of());
        awaitSnapshots("sm_obj", tables.size());
        awaitObjects("sm_obj");
        for (String view : List.of("z_base", "a_top")) {
            assertThat(withoutDefiner(showCreate(stack.destination(), "VIEW", "sm_obj." + view))).as(view)
                    .isEqualTo(withoutDefiner(showCreate(stack.source(), "VIEW", "sm_obj." + view)).replace("SQL SECURITY DEFINER", "SQL SECURITY INVOKER"));
        }
        assertThat(stack.destination().queryString("SELECT sm_obj.f_double(21)")).isEqualTo("42");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(ROUTINE_NAME, ':', SECURITY_TYPE ORDER BY ROUTINE_NAME) "
                + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'sm_obj'")).isEqualTo("f_double:INVOKER,p_add:INVOKER");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(TRIGGER_NAME ORDER BY TRIGGER_NAME) FROM information_schema.TRIGGERS "
                + "WHERE TRIGGER_SCHEMA = 'sm_obj'")).isEqualTo("t_ai,t_au,t_bi");
        // Rows stream while the triggers exist on both sides: each side's audit holds the source trigger's rows once.
        for (int i = 3; i <= 40; i++) {
            stack.source().execute("INSERT INTO sm_obj.t (id, v) VALUES (" + i + ", " + i + ")",
                    "UPDATE sm_obj.t SET v = v + 1 WHERE id = " + (i - 1));
        }
        stack.source().execute("CALL sm_obj.p_add(100)");
        awaitEqual("sm_obj", tables);
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM sm_obj.audit")).isEqualTo("79");
        // For everyone but the sink, the triggers work on the destination.
        stack.destination().execute("INSERT INTO sm_obj.t (id, v) VALUES (1000, 5)");
        assertThat(stack.destination().queryString("SELECT CONCAT(doubled, ':', (SELECT COUNT(*) FROM sm_obj.audit WHERE t_id = 1000)) "
                + "FROM sm_obj.t WHERE id = 1000")).isEqualTo("10:1");
    }

    /**
     * ALTER TABLE (ADD, MODIFY, DROP COLUMN), CREATE INDEX and TRUNCATE TABLE on the source while rows
     * stream: each statement applies on the destination after the rows before it and before the rows
     * after it, and the destination ends with the source's rows and {@code SHOW CREATE TABLE}.
     */
    @Test
    void ddlDuringSyncIsReplayedInOrderWithTheRows() throws Exception {
        stack.source().execute("CREATE DATABASE sm_ddl",
                "CREATE TABLE sm_ddl.t (id INT PRIMARY KEY, a VARCHAR(10), old_col INT)",
                "CREATE TABLE sm_ddl.log (id INT PRIMARY KEY, v INT)",
                "INSERT INTO sm_ddl.t VALUES (1, 'x', 1), (2, 'y', 2)",
                "INSERT INTO sm_ddl.log VALUES (1, 1), (2, 2)");
        List<String> tables = List.of("t", "log");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_ddl", "sm_ddl");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("sm_ddl", tables.size());
        // Each phase ends before the next DDL: Ferry reads a changed table's columns from the source (see Limits).
        stack.source().execute("INSERT INTO sm_ddl.t VALUES (3, 'z', 3)", "INSERT INTO sm_ddl.log VALUES (3, 3)");
        awaitEqual("sm_ddl", tables);
        stack.source().execute("UPDATE sm_ddl.t SET a = 'zz' WHERE id = 3",
                "ALTER TABLE sm_ddl.t ADD COLUMN b INT NOT NULL DEFAULT 7 AFTER a",
                "INSERT INTO sm_ddl.t (id, a, b, old_col) VALUES (4, 'w', 8, 4)",
                "UPDATE sm_ddl.t SET b = b + 1 WHERE id IN (1, 4)");
        awaitEqual("sm_ddl", tables);
        stack.source().execute("UPDATE sm_ddl.t SET a = 'q' WHERE id = 3",
                "ALTER TABLE sm_ddl.t MODIFY a VARCHAR(40) NOT NULL DEFAULT ''",
                "UPDATE sm_ddl.t SET a = REPEAT('a', 30) WHERE id = 2");
        awaitEqual("sm_ddl", tables);
        stack.source().execute("DELETE FROM sm_ddl.t WHERE id = 1",
                "ALTER TABLE sm_ddl.t DROP COLUMN old_col",
                "INSERT INTO sm_ddl.t (id, a, b) VALUES (5, 'v', 9)",
                "CREATE INDEX by_b ON sm_ddl.t (b)",
                "UPDATE sm_ddl.t SET b = 0 WHERE id = 5");
        awaitEqual("sm_ddl", tables);
        stack.source().execute("INSERT INTO sm_ddl.log VALUES (4, 4)",
                "TRUNCATE TABLE sm_ddl.log",
                "INSERT INTO sm_ddl.log VALUES (10, 10)");
        awaitEqual("sm_ddl", tables);
        for (String table : tables) {
            assertThat(showCreate(stack.destination(), "TABLE", "sm_ddl." + table)).as(table)
                    .isEqualTo(showCreate(stack.source(), "TABLE", "sm_ddl." + table));
        }
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM sm_ddl.log")).isEqualTo("10");
    }

    /**
     * A gh-ost-style and a pt-online-schema-change-style change, in the statements those tools issue:
     * the shadow tables never reach the destination, the ALTER lands once on the real table at the
     * cut-over, and rows before and after it are right.
     */
    @Test
    void onlineSchemaChangesLandOnceWithoutShadowTables() throws Exception {
        stack.source().execute("CREATE DATABASE sm_osc",
                "CREATE TABLE sm_osc.gh (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE sm_osc.pt (id INT PRIMARY KEY, v INT)",
                "INSERT INTO sm_osc.gh VALUES (1, 1), (2, 2), (3, 3)",
                "INSERT INTO sm_osc.pt VALUES (1, 1), (2, 2), (3, 3)");
        List<String> tables = List.of("gh", "pt");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "sm_osc", "sm_osc");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("sm_osc", tables.size());
        // gh-ost: changelog and ghost tables, the ALTER on the ghost, the row copy, binlog changes applied to the ghost too.
        stack.source().execute("UPDATE sm_osc.gh SET v = 10 WHERE id = 1", "UPDATE sm_osc.pt SET v = 10 WHERE id = 1",
                "CREATE TABLE sm_osc._gh_ghc (id BIGINT AUTO_INCREMENT PRIMARY KEY, hint VARCHAR(64), value TEXT)",
                "CREATE TABLE sm_osc._gh_gho LIKE sm_osc.gh",
                "ALTER TABLE sm_osc._gh_gho ADD COLUMN c INT NOT NULL DEFAULT 5",
                "INSERT INTO sm_osc._gh_ghc (hint, value) VALUES ('state', 'migrating')",
                "INSERT INTO sm_osc._gh_gho (id, v) SELECT id, v FROM sm_osc.gh",
                "INSERT INTO sm_osc.gh VALUES (4, 4)", "REPLACE INTO sm_osc._gh_gho (id, v) VALUES (4, 4)",
                "UPDATE sm_osc.gh SET v = 20 WHERE id = 2", "REPLACE INTO sm_osc._gh_gho (id, v) VALUES (2, 20)");
        awaitEqual("sm_osc", tables);
        stack.source().execute("RENAME TABLE sm_osc.gh TO sm_osc._gh_del, sm_osc._gh_gho TO sm_osc.gh",
                "INSERT INTO sm_osc.gh (id, v, c) VALUES (5, 5, 50)", "UPDATE sm_osc.gh SET c = 9 WHERE id = 1",
                "DROP TABLE sm_osc._gh_del", "DROP TABLE sm_osc._gh_ghc");
        awaitEqual("sm_osc", tables);
        // pt-online-schema-change: the new table, its ALTER, triggers copying changes into it, the chunked copy, the swap.
        stack.source().execute("CREATE TABLE sm_osc._pt_new (id INT NOT NULL, v INT, PRIMARY KEY (id))",
                "ALTER TABLE sm_osc._pt_new ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'n', ADD INDEX by_v (v)",
                "CREATE TRIGGER sm_osc.pt_osc_sm_osc_pt_ins AFTER INSERT ON sm_osc.pt FOR EACH ROW "
                        + "REPLACE INTO sm_osc._pt_new (id, v) VALUES (NEW.id, NEW.v)",
                "CREATE TRIGGER sm_osc.pt_osc_sm_osc_pt_upd AFTER UPDATE ON sm_osc.pt FOR EACH ROW "
                        + "REPLACE INTO sm_osc._pt_new (id, v) VALUES (NEW.id, NEW.v)",
                "CREATE TRIGGER sm_osc.pt_osc_sm_osc_pt_del AFTER DELETE ON sm_osc.pt FOR EACH ROW "
                        + "DELETE IGNORE FROM sm_osc._pt_new WHERE id = OLD.id",
                "INSERT LOW_PRIORITY IGNORE INTO sm_osc._pt_new (id, v) SELECT id, v FROM sm_osc.pt LOCK IN SHARE MODE",
                "INSERT INTO sm_osc.pt VALUES (4, 4)", "UPDATE sm_osc.pt SET v = 30 WHERE id = 3", "DELETE FROM sm_osc.pt WHERE id = 2");
        awaitEqual("sm_osc", tables);
        stack.source().execute("RENAME TABLE sm_osc.pt TO sm_osc._pt_old, sm_osc._pt_new TO sm_osc.pt",
                "DROP TABLE IF EXISTS sm_osc._pt_old",
                "INSERT INTO sm_osc.pt (id, v, note) VALUES (5, 5, 'after')", "UPDATE sm_osc.pt SET note = 'x' WHERE id = 1");
        awaitEqual("sm_osc", tables);
        for (String table : tables) {
            assertThat(showCreate(stack.destination(), "TABLE", "sm_osc." + table)).as(table)
                    .isEqualTo(showCreate(stack.source(), "TABLE", "sm_osc." + table));
        }
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = 'sm_osc'")).isEqualTo("gh,pt");
    }

    private static String withoutDefiner(String ddl) {
        return ddl.replaceAll("DEFINER=`[^`]*`@`[^`]*` ", "");
    }

    private static void awaitObjects(String destinationDatabase) throws Exception {
        String query = "SELECT COUNT(*) FROM ferry.sink_progress WHERE source_database = '" + destinationDatabase
                + "' AND source_table = '__ferry_objects' AND snapshot_done";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"1".equals(stack.destination().queryString(query))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stored objects of " + destinationDatabase + " were never created");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static void awaitSnapshots(String destinationDatabase, int count) throws Exception {
        PipelineAssertions.awaitSnapshots(stack, destinationDatabase, count, WAIT);
    }

    static void awaitEqual(String database, List<String> tables) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        TableComparison.Result different = null;
        while (System.nanoTime() < deadline) {
            different = null;
            try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
                for (String table : tables) {
                    TableComparison.Result result = compare(source, destination, database, table);
                    if (!result.equal()) {
                        different = result;
                        break;
                    }
                }
            }
            if (different == null) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("not equal: " + different);
    }

    /** A comparison; a column the destination does not have yet (DDL still on its way) counts as a difference. */
    private static TableComparison.Result compare(Connection source, Connection destination, String database, String table)
            throws SQLException {
        try {
            return TableComparison.compare(source, destination, database, table);
        }
        catch (SQLException e) {
            if (e.getErrorCode() != 1054) {
                throw e;
            }
            return new TableComparison.Result(database + "." + table, -1, -1, false, e.getMessage());
        }
    }

    static String showCreate(MySqlServer server, String kind, String name) throws SQLException {
        try (Connection c = server.openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW CREATE " + kind + " " + name)) {
            r.next();
            return r.getString(2);
        }
    }
}
