package dev.ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.ConnectorStatus;
import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.TableComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL during incremental sync on real servers: renames inside, out of and into the selection, tables
 * created while rows stream, TRUNCATE under load, a worker killed between a DDL and the rows after it,
 * and an online schema change whose cut-over comes after the worker was killed.
 */
@Tag("integration")
class LiveDdlIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(LiveDdlIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Renames (RENAME TABLE, ALTER TABLE ... RENAME, a chain, a new table under a renamed table's old name),
     * new tables (with columns, LIKE) with rows right after their creation, and TRUNCATE, all while another
     * session keeps writing: every table ends equal, under the same names, with the same definition.
     */
    @Test
    void renamesNewTablesAndTruncateWhileRowsStream() throws Exception {
        stack.source().execute("CREATE DATABASE ld_live",
                "CREATE TABLE ld_live.hot (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE ld_live.a (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE ld_live.b (id INT PRIMARY KEY, n INT)",
                "INSERT INTO ld_live.a VALUES (1, 'a1'), (2, 'a2')",
                "INSERT INTO ld_live.b VALUES (1, 1), (2, 2)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "ld_live", "ld_live");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("ld_live", 3);
        // Debezium records the schema when it starts streaming after the snapshot; a rename before that is not followed.
        awaitSourceOffsetAtBinlogEnd(p);

        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> hotLoad("ld_live.hot", 900));
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            String a = "ld_live.a";
            for (int i = 3; i <= 60; i++) {
                s.execute("INSERT INTO " + a + " (id, v) VALUES (" + i + ", 'v" + i + "')");
                s.execute("UPDATE " + a + " SET v = CONCAT(v, '+') WHERE id = " + (i / 2));
                if (i == 20) {
                    s.execute("RENAME TABLE ld_live.a TO ld_live.a2");
                    a = "ld_live.a2";
                }
                if (i == 30) {
                    s.execute("RENAME TABLE ld_live.a2 TO ld_live.a3, ld_live.b TO ld_live.b_old");
                    a = "ld_live.a3";
                    s.execute("CREATE TABLE ld_live.b (id INT PRIMARY KEY, n INT, extra VARCHAR(5) DEFAULT 'e', KEY by_n (n))");
                    s.execute("INSERT INTO ld_live.b (id, n) VALUES (1, 10), (3, 30)");
                    s.execute("UPDATE ld_live.b_old SET n = n + 100");
                }
                if (i == 45) {
                    // Ferry reads a changed table's columns from the source: the last change of this table's columns.
                    s.execute("ALTER TABLE ld_live.a3 ADD COLUMN w INT NOT NULL DEFAULT 4, RENAME TO ld_live.a4");
                    a = "ld_live.a4";
                }
            }
            s.execute("CREATE TABLE ld_live.c (id INT AUTO_INCREMENT PRIMARY KEY, s VARCHAR(10) NOT NULL DEFAULT 'd', "
                    + "UNIQUE KEY by_s (s)) DEFAULT CHARSET=latin1 COMMENT 'created during sync'");
            s.execute("INSERT INTO ld_live.c (s) VALUES ('x'), ('y'), ('z')");
            s.execute("CREATE TABLE ld_live.d LIKE ld_live.c");
            s.execute("INSERT INTO ld_live.d SELECT * FROM ld_live.c");
            s.execute("DELETE FROM ld_live.d WHERE s = 'y'");
            s.execute("UPDATE ld_live.c SET s = 'w' WHERE s = 'x'");
        }
        load.get(3, TimeUnit.MINUTES);
        awaitSameDatabase("ld_live");
        assertThat(tables(stack.destination(), "ld_live")).containsExactly("a4", "b", "b_old", "c", "d", "hot");
    }

    /**
     * With a table list: a table renamed out of the selection keeps its destination table as it was, and
     * its later changes are not migrated; a new table outside the selection is not created; a table renamed
     * into the selection stops the source, naming both tables and what to do.
     */
    @Test
    void renamesOutOfAndIntoTheSelection() throws Exception {
        stack.source().execute("CREATE DATABASE ld_sel",
                "CREATE TABLE ld_sel.keep_a (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE ld_sel.keep_c (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE ld_sel.other_b (id INT PRIMARY KEY, v INT)",
                "INSERT INTO ld_sel.keep_a VALUES (1, 1), (2, 2)",
                "INSERT INTO ld_sel.other_b VALUES (1, 1)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "ld_sel", "ld_sel");
        p.deploy(Map.of("table.include.list", "ld_sel\\.keep_.*"), Map.of());
        awaitSnapshots("ld_sel", 2);
        awaitSourceOffsetAtBinlogEnd(p);

        stack.source().execute("RENAME TABLE ld_sel.keep_a TO ld_sel.gone_a",
                "INSERT INTO ld_sel.gone_a VALUES (3, 3)",
                "CREATE TABLE ld_sel.skip_x (id INT PRIMARY KEY)",
                "INSERT INTO ld_sel.skip_x VALUES (1)",
                "INSERT INTO ld_sel.keep_c VALUES (1, 1)");
        awaitEqual("ld_sel", List.of("keep_c"));
        assertThat(tables(stack.destination(), "ld_sel")).containsExactly("keep_a", "keep_c");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM ld_sel.keep_a")).isEqualTo("1,2");

        stack.source().execute("RENAME TABLE ld_sel.other_b TO ld_sel.keep_b", "INSERT INTO ld_sel.keep_b VALUES (2, 2)");
        String trace = awaitSourceFailure(p.sourceName());
        assertThat(trace).contains("ld_sel.other_b", "ld_sel.keep_b", "Start a new migration");
        assertThat(tables(stack.destination(), "ld_sel")).containsExactly("keep_a", "keep_c");
    }

    /**
     * The worker is killed right after the destination applied an ALTER and again right after it applied a
     * RENAME, each time while the rows after the statement are still on their way: after each restart the
     * statement is not applied twice (or fails), and every row lands once.
     */
    @Test
    void aWorkerKilledBetweenADdlAndTheRowsAfterItRecovers() throws Exception {
        stack.source().execute("CREATE DATABASE ld_crash",
                "CREATE TABLE ld_crash.t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO ld_crash.t VALUES (1, 1), (2, 2), (3, 3)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "ld_crash", "ld_crash");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("ld_crash", 1);
        stack.source().execute("INSERT INTO ld_crash.t VALUES (4, 4)");
        awaitEqual("ld_crash", List.of("t"));
        awaitSourceOffsetAtBinlogEnd(p);

        stack.source().execute("ALTER TABLE ld_crash.t ADD COLUMN c INT NOT NULL DEFAULT 7");
        CompletableFuture<Void> rows = CompletableFuture.runAsync(() -> rows("INSERT INTO ld_crash.t (id, v, c) VALUES (%d, %d, %d)",
                100, 400));
        awaitDestination("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'ld_crash' AND COLUMN_NAME = 'c'");
        killAndRestartWorker();
        rows.get(3, TimeUnit.MINUTES);
        awaitEqual("ld_crash", List.of("t"));
        awaitSourceOffsetAtBinlogEnd(p);

        stack.source().execute("RENAME TABLE ld_crash.t TO ld_crash.t2");
        rows = CompletableFuture.runAsync(() -> rows("INSERT INTO ld_crash.t2 (id, v, c) VALUES (%d, %d, %d)", 1000, 1300));
        awaitDestination("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'ld_crash' AND TABLE_NAME = 't2'");
        killAndRestartWorker();
        rows.get(3, TimeUnit.MINUTES);
        stack.source().execute("UPDATE ld_crash.t2 SET c = c + id WHERE id < 200");
        awaitSameDatabase("ld_crash");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM ld_crash.t2")).isEqualTo("604");
    }

    /**
     * The worker is down while the source writes latin1 rows, converts the table to utf8mb4 and writes more:
     * after the restart Ferry reads the earlier rows while the source's catalog already says utf8mb4, and
     * still decodes them as the latin1 they were written in (bytes 0x81 and 0xE9 included), then replays the
     * conversion, so the destination ends equal, row for row and in its definition.
     */
    @Test
    void rowsWrittenBeforeACharacterSetChangeAreDecodedInTheirOwnCharacterSetAfterARestart() throws Exception {
        syncedTableT("ld_cs", "CREATE TABLE ld_cs.t (id INT PRIMARY KEY, v VARCHAR(20), w TEXT) DEFAULT CHARSET=latin1",
                "INSERT INTO ld_cs.t VALUES (1, _latin1 x'4361666581', _latin1 x'E9E8')");

        stack.connect().kill();
        stack.source().execute("INSERT INTO ld_cs.t VALUES (2, _latin1 x'436166E9', _latin1 x'81FF'), (3, 'plain', NULL)",
                "UPDATE ld_cs.t SET v = _latin1 x'E981E9' WHERE id = 1",
                "ALTER TABLE ld_cs.t CONVERT TO CHARACTER SET utf8mb4",
                "INSERT INTO ld_cs.t VALUES (4, 'caf\u00e9 \uD83D\uDE00', 'x')",
                "UPDATE ld_cs.t SET w = CONCAT(w, '\u00fc') WHERE id = 2");
        stack.connect().restart();

        awaitSameDatabase("ld_cs");
        assertThat(stack.destination().queryString("SELECT HEX(v) FROM ld_cs.t WHERE id = 2"))
                .isEqualTo(stack.source().queryString("SELECT HEX(v) FROM ld_cs.t WHERE id = 2")).isEqualTo("436166C3A9");
    }

    /**
     * The source cannot be reached for a table's new definition when the rows after an ALTER arrive (Ferry's
     * user is locked and its connections killed; only the binlog stream stays): the source restarts its binlog
     * stream from the last committed offset, keeps retrying while the source refuses it, and once the user is
     * unlocked every row arrives once, none skipped.
     */
    @Test
    void aSourceUnreachableWhileTranslatingRestartsTheStreamWithoutSkippingEvents() throws Exception {
        syncedTableT("ld_out", "CREATE TABLE ld_out.t (id INT PRIMARY KEY, v INT)", "INSERT INTO ld_out.t VALUES (1, 1), (2, 2)");
        long logStart = Files.size(stack.connect().logFile());

        stack.source().execute("ALTER USER '" + FerryPipeline.SOURCE_USER + "'@'%' ACCOUNT LOCK");
        try {
            killConnectionsOtherThanBinlogDumps(FerryPipeline.SOURCE_USER);
            stack.source().execute("ALTER TABLE ld_out.t ADD COLUMN c INT NOT NULL DEFAULT 3",
                    "INSERT INTO ld_out.t VALUES (3, 3, 30), (4, 4, 40)", "UPDATE ld_out.t SET v = 20 WHERE id = 2");
            awaitWorkerLog(logStart, "restarting the binlog stream of ld_out from its last committed offset");
            // Attempts while the user is locked are spaced out (1 s, 2 s, ...), not repeated at once.
            awaitWorkerLog(logStart, "Starting the binlog stream of ld_out again failed (2 in a row)");
            assertThat(countInWorkerLog(logStart, "Starting the binlog stream of ld_out again failed")).isLessThanOrEqualTo(3);
            rows("INSERT INTO ld_out.t VALUES (%d, %d, %d)", 100, 150);
        }
        finally {
            stack.source().execute("ALTER USER '" + FerryPipeline.SOURCE_USER + "'@'%' ACCOUNT UNLOCK");
        }
        awaitSameDatabase("ld_out");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM ld_out.t")).isEqualTo("54");
    }

    /**
     * gh-ost's ALTER on the ghost table is kept by the source until the cut-over; the worker is killed in
     * between (after the kept statement's offset was committed), and the cut-over still lands the change once.
     */
    @Test
    void anOnlineSchemaChangeWaitingForItsCutOverSurvivesAKilledWorker() throws Exception {
        stack.source().execute("CREATE DATABASE ld_osc",
                "CREATE TABLE ld_osc.gh (id INT PRIMARY KEY, v INT)",
                "INSERT INTO ld_osc.gh VALUES (1, 1), (2, 2), (3, 3)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "ld_osc", "ld_osc");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("ld_osc", 1);
        stack.source().execute("CREATE TABLE ld_osc._gh_ghc (id BIGINT AUTO_INCREMENT PRIMARY KEY, hint VARCHAR(64), value TEXT)",
                "CREATE TABLE ld_osc._gh_gho LIKE ld_osc.gh",
                "ALTER TABLE ld_osc._gh_gho ADD COLUMN c INT NOT NULL DEFAULT 5",
                "INSERT INTO ld_osc._gh_gho (id, v) SELECT id, v FROM ld_osc.gh",
                "INSERT INTO ld_osc.gh VALUES (4, 4)", "REPLACE INTO ld_osc._gh_gho (id, v) VALUES (4, 4)");
        awaitEqual("ld_osc", List.of("gh"));
        awaitSourceOffsetAtBinlogEnd(p);
        killAndRestartWorker();
        // After a restart Ferry reads a table's columns from the source at its first change (see the README's limits).
        stack.source().execute("UPDATE ld_osc.gh SET v = 20 WHERE id = 2", "REPLACE INTO ld_osc._gh_gho (id, v) VALUES (2, 20)");
        awaitEqual("ld_osc", List.of("gh"));
        stack.source().execute("RENAME TABLE ld_osc.gh TO ld_osc._gh_del, ld_osc._gh_gho TO ld_osc.gh",
                "INSERT INTO ld_osc.gh (id, v, c) VALUES (5, 5, 50)", "UPDATE ld_osc.gh SET c = 9 WHERE id = 1",
                "DROP TABLE ld_osc._gh_del", "DROP TABLE ld_osc._gh_ghc");
        awaitSameDatabase("ld_osc");
        assertThat(tables(stack.destination(), "ld_osc")).containsExactly("gh");
    }

    /**
     * Views, procedures and functions created, replaced, altered and dropped while rows stream, in a database
     * selected as a whole and renamed by the mapping: the destination ends with the same objects, each with the
     * source's {@code SHOW CREATE} apart from the documented differences (no DEFINER, SQL SECURITY INVOKER, the
     * mapped database); views created right after the table or column they read; objects of an unselected database stay away; a view the destination refuses follows
     * ddl.error.policy (skip here) once it waited ddl.dependency.wait.ms; and a worker killed right after such a
     * statement recovers without failing or applying anything twice.
     */
    @Test
    void viewsAndRoutinesChangedDuringSync() throws Exception {
        stack.source().execute("CREATE DATABASE ld_obj", "CREATE DATABASE ld_objx",
                "CREATE TABLE ld_obj.t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE ld_obj.hot (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE ld_objx.u (id INT PRIMARY KEY)",
                "CREATE VIEW ld_obj.v1 AS SELECT id FROM ld_obj.t",
                "CREATE VIEW ld_obj.gone AS SELECT v FROM ld_obj.t",
                "CREATE FUNCTION ld_obj.f_old(x INT) RETURNS INT DETERMINISTIC RETURN x",
                "CREATE PROCEDURE ld_obj.p_old() SELECT 1",
                "INSERT INTO ld_obj.t VALUES (1, 1), (2, 2)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "ld_obj", "ld_obj");
        // The view ld_obj.bad, created below, reads a table outside the selection: the precheck at the restart names it.
        p.deploy(Map.of("mapping.databases", "ld_obj:ld_obj_dst", "precheck.acknowledged.warnings",
                "schema.objects.definer,schema.references.outside"),
                Map.of("ddl.error.policy", "skip", "ddl.dependency.wait.ms", "3000", "retry.backoff.ms", "200"));
        awaitSnapshots("ld_obj_dst", 2);
        awaitDestination("SELECT COUNT(*) FROM ferry.sink_progress WHERE source_database = 'ld_obj_dst' AND source_table = "
                + "'__ferry_objects' AND snapshot_done");
        awaitSourceOffsetAtBinlogEnd(p);

        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> hotLoad("ld_obj.hot", 600));
        stack.source().execute("CREATE OR REPLACE VIEW ld_obj.v1 AS SELECT id, v FROM ld_obj.t WHERE v > 1",
                "CREATE ALGORITHM=MERGE VIEW ld_obj.v2 AS SELECT id, v * 2 AS w FROM ld_obj.v1",
                "ALTER VIEW ld_obj.v2 AS SELECT id, v * 3 AS w FROM ld_obj.v1",
                "DROP VIEW ld_obj.gone",
                // Views right after the table and the column they read: those statements travel on the table's topic.
                "CREATE TABLE ld_obj.n (id INT PRIMARY KEY, a INT)",
                "CREATE VIEW ld_obj.vn AS SELECT id, a FROM ld_obj.n",
                "ALTER TABLE ld_obj.t ADD COLUMN w INT NOT NULL DEFAULT 5",
                "CREATE VIEW ld_obj.vw AS SELECT t.id, t.w, n.a FROM ld_obj.t JOIN ld_obj.n USING (id)",
                "SET SESSION sql_mode = 'PIPES_AS_CONCAT'",
                "CREATE FUNCTION ld_obj.f_new(x VARCHAR(10)) RETURNS VARCHAR(20) DETERMINISTIC RETURN x || '!'",
                "SET SESSION sql_mode = DEFAULT",
                "CREATE PROCEDURE ld_obj.p_new(IN x INT) BEGIN INSERT INTO ld_obj.t (id, v) VALUES (x, x); END",
                "ALTER PROCEDURE ld_obj.p_new COMMENT 'adds a row'",
                "DROP FUNCTION ld_obj.f_old",
                "DROP PROCEDURE IF EXISTS ld_obj.p_old",
                "INSERT INTO ld_obj.n VALUES (1, 10), (2, 20), (3, 30)",
                "CALL ld_obj.p_new(3)",
                // Not selected: never on the destination.
                "CREATE VIEW ld_objx.vx AS SELECT id FROM ld_objx.u",
                "CREATE PROCEDURE ld_objx.px() SELECT 1",
                // Reads a table the destination does not have: refused, waits, then skipped by ddl.error.policy=skip.
                "CREATE VIEW ld_obj.bad AS SELECT id FROM ld_objx.u",
                "CREATE VIEW ld_obj.after_bad AS SELECT 1 AS one");
        load.get(3, TimeUnit.MINUTES);
        String views = "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '%s'";
        awaitDestination("SELECT (" + String.format(views, "ld_obj_dst") + ") = 'after_bad,v1,v2,vn,vw'");
        assertThat(stack.source().queryString(String.format(views, "ld_obj"))).isEqualTo("after_bad,bad,v1,v2,vn,vw");
        String routines = "SELECT GROUP_CONCAT(ROUTINE_NAME, ':', SECURITY_TYPE, ':', ROUTINE_COMMENT ORDER BY ROUTINE_NAME) "
                + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'ld_obj_dst'";
        awaitDestination("SELECT (" + routines + ") = 'f_new:INVOKER:,p_new:INVOKER:adds a row'");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'ld_objx'"))
                .isEqualTo("0");
        assertSameObjects(List.of("v1", "v2", "vn", "vw", "after_bad"), List.of("f_new", "p_new"));
        awaitSame("SELECT GROUP_CONCAT(id, '=', a ORDER BY id) FROM %s.n", "1=10,2=20,3=30");
        awaitSame("SELECT GROUP_CONCAT(id, '=', w ORDER BY id) FROM %s.v2", "2=6,3=9");
        awaitSame("SELECT GROUP_CONCAT(id, ':', w, ':', a ORDER BY id) FROM %s.vw", "1:5:10,2:5:20,3:5:30");
        awaitSame("SELECT CONCAT_WS(',', COUNT(*), SUM(v)) FROM %s.hot", null);
        assertThat(stack.destination().queryString("SELECT ld_obj_dst.f_new('a')")).isEqualTo("a!");

        // A worker killed right after the destination applied a view's statement, with rows on their way.
        stack.source().execute("CREATE VIEW ld_obj.v3 AS SELECT id, v FROM ld_obj.t WHERE id > 100");
        CompletableFuture<Void> rows = CompletableFuture.runAsync(() -> rows("INSERT INTO ld_obj.t (id, v, w) VALUES (%d, %d, %d)",
                100, 300));
        awaitDestination("SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'ld_obj_dst' AND TABLE_NAME = 'v3'");
        killAndRestartWorker();
        rows.get(3, TimeUnit.MINUTES);
        stack.source().execute("CREATE OR REPLACE VIEW ld_obj.v3 AS SELECT id, v, w FROM ld_obj.t WHERE id > 150",
                "DROP PROCEDURE ld_obj.p_new", "DROP VIEW ld_obj.after_bad");
        awaitDestination("SELECT (" + String.format(views, "ld_obj_dst") + ") = 'v1,v2,v3,vn,vw'");
        awaitDestination("SELECT (" + routines + ") = 'f_new:INVOKER:'");
        assertSameObjects(List.of("v3"), List.of());
        awaitSame("SELECT CONCAT_WS(',', COUNT(*), SUM(v), SUM(w)) FROM %s.v3", "149,33525,675");
        PipelineAssertions.assertRunning(stack, p.sourceName(), p.sinkName());
    }

    /**
     * Each object's {@code SHOW CREATE} on the destination is the source's without DEFINER, with SQL SECURITY
     * INVOKER and the mapped database.
     */
    private static void assertSameObjects(List<String> views, List<String> routines) throws SQLException {
        for (String view : views) {
            assertThat(withoutDefiner(SchemaMigrationIT.showCreate(stack.destination(), "VIEW", "ld_obj_dst." + view))).as(view)
                    .isEqualTo(withoutDefiner(SchemaMigrationIT.showCreate(stack.source(), "VIEW", "ld_obj." + view))
                            .replace("SQL SECURITY DEFINER", "SQL SECURITY INVOKER").replace("`ld_obj`.", "`ld_obj_dst`."));
        }
        for (String routine : routines) {
            String kind = routine.startsWith("f_") ? "FUNCTION" : "PROCEDURE";
            // The source's routines have the default SQL SECURITY DEFINER, which SHOW CREATE does not print.
            assertThat(withoutDefiner(showCreate(stack.destination(), kind, "ld_obj_dst." + routine, 3))
                    .replace("\n    SQL SECURITY INVOKER", "")).as(routine)
                    .isEqualTo(withoutDefiner(showCreate(stack.source(), kind, "ld_obj." + routine, 3)));
        }
    }

    /** Waits until the query (with the database as %s) answers the same on both sides, and {@code expected} unless null. */
    private static void awaitSame(String query, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String source = stack.source().queryString(String.format(query, "ld_obj"));
        String destination = queryOrNull(String.format(query, "ld_obj_dst"));
        while (!source.equals(destination) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            destination = queryOrNull(String.format(query, "ld_obj_dst"));
        }
        assertThat(destination).as(query).isEqualTo(source);
        if (expected != null) {
            assertThat(source).as(query).isEqualTo(expected);
        }
    }

    private static String showCreate(MySqlServer server, String kind, String name, int column) throws SQLException {
        try (Connection c = server.openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW CREATE " + kind + " " + name)) {
            r.next();
            return r.getString(column);
        }
    }

    private static String withoutDefiner(String ddl) {
        return ddl.replaceAll("DEFINER=`[^`]*`@`[^`]*` ", "");
    }

    /**
     * Creates {@code database} with {@code setup} (its one table {@code t}), deploys Ferry for it, and waits until
     * the table is copied and the source's committed offset is at the end of the binlog.
     */
    private static FerryPipeline syncedTableT(String database, String... setup) throws Exception {
        stack.source().execute("CREATE DATABASE " + database);
        stack.source().execute(setup);
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), database, database);
        p.deploy(Map.of(), Map.of());
        awaitSnapshots(database, 1);
        awaitEqual(database, List.of("t"));
        awaitSourceOffsetAtBinlogEnd(p);
        return p;
    }

    private static void hotLoad(String table, int statements) {
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= statements; i++) {
                s.execute("INSERT INTO " + table + " VALUES (" + i + ", " + i + ")");
                if (i % 7 == 0) {
                    s.execute("UPDATE " + table + " SET v = v * 2 WHERE id > " + (i - 5));
                }
                if (i % 250 == 0) {
                    s.execute("TRUNCATE TABLE " + table);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rows(String insert, int from, int to) {
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            for (int id = from; id < to; id++) {
                s.execute(String.format(insert, id, id, id % 10));
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void killConnectionsOtherThanBinlogDumps(String user) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '" + user
                     + "' AND COMMAND NOT LIKE 'Binlog Dump%'")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        for (long id : ids) {
            try {
                stack.source().execute("KILL " + id);
            }
            catch (SQLException gone) {
                // the connection ended by itself meanwhile
            }
        }
    }

    private static void awaitWorkerLog(long from, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (countInWorkerLog(from, text) > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the worker did not log '" + text + "'");
    }

    /** How often the worker's log holds {@code text} after byte {@code from}. */
    private static int countInWorkerLog(long from, String text) throws IOException {
        byte[] all = Files.readAllBytes(stack.connect().logFile());
        String added = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
        int count = 0;
        for (int at = added.indexOf(text); at >= 0; at = added.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    private static void killAndRestartWorker() {
        stack.connect().kill();
        stack.connect().restart();
    }

    /**
     * Waits until the source's committed binlog offset is at the end of the source's binlog: a restart then
     * resumes after every statement so far. (A restart that resumes before a DDL, with rows of its table in
     * between, stops the task; see the README's limits.)
     */
    private static void awaitSourceOffsetAtBinlogEnd(FerryPipeline p) throws Exception {
        String file;
        long end;
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW MASTER STATUS")) {
            r.next();
            file = r.getString(1);
            end = r.getLong(2);
        }
        // One more change of a selected table, so a record's offset passes the end read above.
        stack.source().execute("CREATE TABLE IF NOT EXISTS " + p.topicPrefix() + ".offset_marker (id INT PRIMARY KEY)",
                "REPLACE INTO " + p.topicPrefix() + ".offset_marker VALUES (1)");
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = stack.rest().offsets(p.sourceName());
            for (JsonNode entry : last.path("offsets")) {
                JsonNode offset = entry.path("offset");
                if (entry.path("partition").has("server") && file.equals(offset.path("file").asText())
                        && offset.path("pos").asLong() >= end) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the source's committed offset did not pass " + file + ":" + end + "; last: " + last);
    }

    private static String awaitSourceFailure(String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ConnectorStatus last = null;
        while (System.nanoTime() < deadline) {
            last = stack.rest().status(name);
            for (ConnectorStatus.TaskStatus task : last.tasks()) {
                if (task.isFailed()) {
                    return task.trace();
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the source task did not fail; last status: " + last);
    }

    private static void awaitSnapshots(String database, int count) throws Exception {
        PipelineAssertions.awaitSnapshots(stack, database, count, WAIT);
    }

    private static void awaitDestination(String countQuery) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"1".equals(queryOrNull(countQuery))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + countQuery + "' did not reach 1 on the destination");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static String queryOrNull(String sql) {
        try {
            return stack.destination().queryString(sql);
        }
        catch (SQLException notYet) {
            return null;        // the progress table or the table is not there yet
        }
    }

    private static void awaitEqual(String database, List<String> tables) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String difference = null;
        while (System.nanoTime() < deadline) {
            difference = differences(database, tables);
            if (difference == null) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("not equal: " + difference);
    }

    /** Waits until both servers have the same tables in the database, with equal rows and equal {@code SHOW CREATE TABLE}. */
    private static void awaitSameDatabase(String database) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String difference = null;
        while (System.nanoTime() < deadline) {
            List<String> tables = tables(stack.source(), database);
            List<String> destination = tables(stack.destination(), database);
            difference = tables.equals(destination) ? differences(database, tables) : "tables " + tables + " vs " + destination;
            for (int i = 0; difference == null && i < tables.size(); i++) {
                String name = database + "." + tables.get(i);
                String source = SchemaMigrationIT.showCreate(stack.source(), "TABLE", name);
                if (!source.equals(SchemaMigrationIT.showCreate(stack.destination(), "TABLE", name))) {
                    difference = "SHOW CREATE TABLE " + name + ": " + source + " vs "
                            + SchemaMigrationIT.showCreate(stack.destination(), "TABLE", name);
                }
            }
            if (difference == null) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("not the same: " + difference);
    }

    private static String differences(String database, List<String> tables) throws SQLException {
        try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
            for (String table : tables) {
                try {
                    TableComparison.Result result = TableComparison.compare(source, destination, database, table);
                    if (!result.equal()) {
                        return result.toString();
                    }
                }
                catch (SQLException e) {
                    if (e.getErrorCode() != 1054 && e.getErrorCode() != 1146) {
                        throw e;
                    }
                    return e.getMessage();      // a table or column still on its way
                }
            }
        }
        return null;
    }

    private static List<String> tables(MySqlServer server, String database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database
                     + "' AND TABLE_NAME <> 'offset_marker' ORDER BY TABLE_NAME")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
