package dev.ferry.sink;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.CascadeRule;
import dev.ferry.core.event.CascadeStep;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.session.DestinationPool;
import dev.ferry.sink.session.DestinationUrl;
import dev.ferry.sink.write.LoadDataWriter;
import dev.ferry.sink.write.WriteException;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives {@link ChangeEventSink} with change batches against a real MySQL server; no Kafka involved. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeEventSinkIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private MySqlServer mysql;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String db;
    private ChangeEventSink sink;

    /** The destination server's version; subclasses run the suite against others. */
    MySqlVersion version() {
        return MySqlVersion.V8_0;
    }

    /** Runs of fewer rows go as statements; subclasses lower it to send every run through LOAD DATA. */
    int loadDataMinRows() {
        return FerrySinkConfig.LOAD_DATA_MIN_ROWS_DEFAULT;
    }

    @BeforeAll
    void startServer() throws IOException {
        mysql = MySqlServer.start(version(), Files.createDirectories(Path.of("target", "sink-it")));
    }

    /** A utf8mb4 text column with the server's default utf8mb4 collation. */
    private ColumnDef text(String name, int length) {
        String collation = mysql.version() == MySqlVersion.V8_0 ? "utf8mb4_0900_ai_ci" : "utf8mb4_general_ci";
        return new ColumnDef(name, "varchar", "varchar(" + length + ")", "utf8mb4", collation, true, null, false);
    }

    @AfterAll
    void stopServer() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws WriteException {
        db = "sink_it_" + NEXT.incrementAndGet();
        sink = open(Map.of());
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private ChangeEventSink open(Map<String, String> overrides) throws WriteException {
        Map<String, String> props = new HashMap<>();
        props.put("name", db);
        props.put("connection.url", mysql.jdbcUrl());
        props.put("connection.username", mysql.rootUser());
        props.put("connection.password", mysql.rootPassword());
        props.put("batch.size", "2");
        props.putAll(overrides);
        FerrySinkConfig config = new FerrySinkConfig(props);
        HikariDataSource pool = DestinationPool.open(config, db + "-" + pools.size());
        pools.add(pool);
        ChangeEventSink opened = new ChangeEventSink(config, pool, new LoadDataWriter(config.loadData(), loadDataMinRows()));
        opened.start();
        return opened;
    }

    // ---- batches -------------------------------------------------------------------------------

    private TableDef keyed() {
        return new TableDef(new TableId(db, "items"), List.of(TestTables.bigint("id"), text("note", 20)), List.of("id"));
    }

    private static SourcePosition at(long position) {
        return new SourcePosition(7, position, 0, 0);
    }

    private static RowChange insert(long position, Object... row) {
        return new RowChange(RowOp.INSERT, at(position), null, row);
    }

    private static RowChange update(long position, Object[] before, Object[] after) {
        return new RowChange(RowOp.UPDATE, at(position), before, after);
    }

    private static RowChange delete(long position, Object... row) {
        return new RowChange(RowOp.DELETE, at(position), row, null);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static List<RowChange> reads(Object[]... rows) {
        return Arrays.stream(rows).map(RowChange::read).toList();
    }

    // ---- reading the destination ---------------------------------------------------------------

    /** Rows as {@code a|b|c} strings, read over the binary protocol (exact FLOAT), in UTC. */
    private List<String> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DestinationUrl.withSinkProperties(mysql.jdbcUrl()),
                mysql.rootUser(), mysql.rootPassword())) {
            connection.createStatement().execute("SET time_zone = '+00:00'");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            line.append(c == 1 ? "" : "|").append(result.getString(c));
                        }
                        rows.add(line.toString());
                    }
                }
                return rows;
            }
        }
    }

    private List<String> progress(String table) throws SQLException {
        return query("SELECT snapshot_id, snapshot_chunk, snapshot_done, wm_file, wm_pos, wm_row, wm_sub "
                + "FROM ferry.sink_progress WHERE connector_name = ? AND source_database = ? AND source_table = ?", db, db, table);
    }

    // ---- snapshot and binlog rules -------------------------------------------------------------

    @Test
    void snapshotChunksThenBinlogChangesApplyOnceEach() throws Exception {
        TableDef items = keyed();
        SourcePosition point = SourcePosition.snapshotPoint(7, 100);
        sink.apply(List.of(
                ChangeBatch.snapshotBegin(items, "s1"),
                ChangeBatch.snapshotChunk(items, "s1", 0, reads(row(1L, "a"), row(2L, "b"), row(3L, "c"))),
                ChangeBatch.snapshotChunk(items, "s1", 1, reads(row(4L, "d"), row(5L, "e")))));
        assertThat(progress("items")).containsExactly("s1|1|0|null|null|null|null");

        sink.apply(List.of(
                ChangeBatch.snapshotBegin(items, "s1"),
                ChangeBatch.snapshotChunk(items, "s1", 0, reads(row(1L, "stale"))),
                ChangeBatch.snapshotChunk(items, "s1", 1, reads(row(4L, "stale"))),
                ChangeBatch.snapshotEnd(items, "s1", 2, point),
                ChangeBatch.changes(items, List.of(
                        update(99, row(2L, "b"), row(2L, "already in the snapshot")),
                        update(100, row(2L, "b"), row(2L, "B")),
                        delete(101, 3L, "c"),
                        insert(102, 6L, "f")))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id"))
                .containsExactly("1|a", "2|B", "4|d", "5|e", "6|f");
        assertThat(progress("items")).containsExactly("s1|1|1|7|102|0|0");

        sink.apply(List.of(
                ChangeBatch.snapshotEnd(items, "s1", 2, point),
                ChangeBatch.changes(items, List.of(delete(101, 3L, "c"), insert(102, 6L, "f"), insert(103, 3L, "again")))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id"))
                .containsExactly("1|a", "2|B", "3|again", "4|d", "5|e", "6|f");
        assertThat(progress("items")).containsExactly("s1|1|1|7|103|0|0");
    }

    @Test
    void aNewSnapshotAttemptEmptiesTheTableAndIgnoresTheOldOne() throws Exception {
        TableDef items = keyed();
        sink.apply(List.of(
                ChangeBatch.snapshotBegin(items, "s1"),
                ChangeBatch.snapshotChunk(items, "s1", 0, reads(row(1L, "old"), row(2L, "old")))));
        sink.apply(List.of(
                ChangeBatch.snapshotBegin(items, "s2"),
                ChangeBatch.snapshotChunk(items, "s1", 1, reads(row(3L, "late chunk of s1"))),
                ChangeBatch.snapshotChunk(items, "s2", 0, reads(row(2L, "new"))),
                ChangeBatch.snapshotEnd(items, "s1", 2, SourcePosition.snapshotPoint(7, 1)),
                ChangeBatch.snapshotEnd(items, "s2", 1, SourcePosition.snapshotPoint(7, 50))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id")).containsExactly("2|new");
        assertThat(progress("items")).containsExactly("s2|0|1|7|50|-1|-1");
    }

    @Test
    void aCascadeLevelWaitsForTheLevelAboveAndLandsInTheSameCallWhenThatOneComesLater() throws Exception {
        TableDef b = new TableDef(new TableId(db, "b"), List.of(TestTables.bigint("id"), TestTables.nullableInt("a_id")), List.of("id"));
        TableDef c = new TableDef(new TableId(db, "c"), List.of(TestTables.bigint("id"), TestTables.nullableInt("b_id")), List.of("id"));
        sink.apply(List.of(ChangeBatch.changes(b, List.of(insert(10, 1L, 1L), insert(11, 2L, 1L), insert(12, 3L, 2L))),
                ChangeBatch.changes(c, List.of(insert(13, 10L, 1L), insert(14, 20L, 2L), insert(15, 30L, 3L)))));
        // The source deleted a.id = 1 at position 100: b's rows 1 and 2 go, then c's rows under them.
        SourcePosition bStep = new SourcePosition(7, 100, 0, 2);
        ChangeBatch first = ChangeBatch.cascade(b, List.of("a_id"), List.of(new RowChange(RowOp.DELETE, bStep, row(null, 1L), null)),
                new CascadeStep(null, null, List.of(), List.of(), List.of("id"), 1));
        ChangeBatch second = ChangeBatch.cascadeLevel(c, new SourcePosition(7, 100, 0, 3), new CascadeStep(b.id(), bStep,
                List.of(new CascadeRule(List.of("b_id"), List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NONE)),
                List.of(), List.of(), 0));
        ChangeBatch later = ChangeBatch.changes(c, List.of(insert(101, 40L, 1L)));

        // Alone, the deeper level waits, and so does every later batch of its lane; nothing of it is applied.
        assertThat(sink.apply(List.of(second, later), List.of("c", "c"))).containsExactly(0, 1);
        assertThat(query("SELECT id FROM " + db + ".c ORDER BY id")).containsExactly("10", "20", "30");
        // With the level above later in the same call, on another lane, everything lands, in order.
        assertThat(sink.apply(List.of(second, later, first), List.of("c", "c", "b"))).isEmpty();
        assertThat(query("SELECT id FROM " + db + ".b ORDER BY id")).containsExactly("3");
        assertThat(query("SELECT id, b_id FROM " + db + ".c ORDER BY id")).containsExactly("30|3", "40|1");
        assertThat(query("SELECT COUNT(*) FROM ferry.cascade_ledger WHERE connector_name = ?", db)).containsExactly("0");
        // Delivered again (after a crash): skipped by the progress rules, nothing waits.
        assertThat(sink.apply(List.of(second, later, first), List.of("c", "c", "b"))).isEmpty();
        assertThat(query("SELECT id FROM " + db + ".c ORDER BY id")).containsExactly("30", "40");
    }

    @Test
    void binlogChangesApplyToATableWithoutProgressAndReduceByKey() throws Exception {
        TableDef lines = new TableDef(new TableId(db, "lines"),
                List.of(TestTables.bigint("order_id"), TestTables.bigint("line"), TestTables.nullableInt("qty")),
                List.of("order_id", "line"));
        sink.apply(List.of(ChangeBatch.changes(lines, List.of(
                insert(10, 1L, 1L, 5L), insert(11, 1L, 2L, 6L), insert(12, 2L, 1L, 7L), insert(13, 2L, 2L, null)))));
        sink.apply(List.of(ChangeBatch.changes(lines, List.of(
                update(20, row(1L, 1L, 5L), row(1L, 9L, 5L)),
                update(21, row(1L, 2L, 6L), row(1L, 1L, 60L)),
                update(22, row(1L, 9L, 5L), row(1L, 2L, 50L)),
                delete(23, 2L, 1L, 7L),
                update(24, row(2L, 2L, null), row(3L, 2L, 8L)),
                insert(25, 2L, 1L, 70L)))));
        assertThat(query("SELECT order_id, line, qty FROM " + db + ".lines ORDER BY order_id, line"))
                .containsExactly("1|1|60", "1|2|50", "2|1|70", "3|2|8");
        assertThat(progress("lines")).containsExactly("null|-1|0|7|25|0|0");
    }

    @Test
    void replaceRewritesRowsThatSwapASecondaryUniqueValue() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".users (id BIGINT PRIMARY KEY, "
                + "email VARCHAR(20) NOT NULL, UNIQUE KEY uk_email (email))");
        TableDef users = new TableDef(new TableId(db, "users"),
                List.of(TestTables.bigint("id"), text("email", 20)), List.of("id"));
        sink.apply(List.of(ChangeBatch.changes(users, List.of(insert(1, 1L, "a@x"), insert(2, 2L, "b@x"), insert(3, 3L, "c@x")))));
        sink.apply(List.of(ChangeBatch.changes(users, List.of(
                update(10, row(1L, "a@x"), row(1L, "tmp")),
                update(11, row(2L, "b@x"), row(2L, "a@x")),
                update(12, row(1L, "tmp"), row(1L, "b@x")),
                update(13, row(3L, "c@x"), row(3L, "d@x"))))));
        assertThat(query("SELECT id, email FROM " + db + ".users ORDER BY id")).containsExactly("1|b@x", "2|a@x", "3|d@x");
    }

    // ---- keyless tables ------------------------------------------------------------------------

    @Test
    void keylessTablesKeepDuplicatesAndChangeExactlyOneOfTwoIdenticalRows() throws Exception {
        TableDef log = new TableDef(new TableId(db, "log"), List.of(
                TestTables.nullableInt("n"),
                TestTables.column("f", "float", "float"),
                new ColumnDef("msg", "varchar", "varchar(20)", "latin1", "latin1_swedish_ci", true, null, false),
                new ColumnDef("doc", "json", "json", null, null, true, null, false),
                TestTables.column("bits", "bit", "bit(64)")), List.of());
        byte[] bits = {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7};
        Object[] same = row(1L, 0.1f, "Åb", "{\"a\": 1e308}", bits);
        Object[] caseVariant = row(1L, 0.1f, "åB", "{\"a\": 1e308}", bits);
        sink.apply(List.of(ChangeBatch.snapshotBegin(log, "s1"),
                ChangeBatch.snapshotChunk(log, "s1", 0, reads(same, same.clone(), caseVariant)),
                ChangeBatch.snapshotChunk(log, "s1", 0, reads(same, same.clone(), caseVariant)),
                ChangeBatch.snapshotEnd(log, "s1", 1, SourcePosition.snapshotPoint(7, 10))));
        assertThat(query("SELECT COUNT(*) FROM " + db + ".log")).containsExactly("3");

        sink.apply(List.of(ChangeBatch.changes(log, List.of(
                update(20, same, row(2L, 0.1f, "Åb", "{\"a\": 1e308}", bits)),
                delete(21, caseVariant),
                insert(22, row(null, null, null, null, null)),
                insert(23, row(null, null, null, null, null)),
                delete(24, row(null, null, null, null, null))))));
        // f compared with the float's exact value as a double literal: equal only if every bit arrived.
        assertThat(query("SELECT n, f = " + (double) 0.1f + "e0, msg, doc, HEX(bits) FROM " + db + ".log ORDER BY n, msg")).containsExactly(
                "null|null|null|null|null",
                "1|1|Åb|{\"a\": 1e308}|FF01020304050607",
                "2|1|Åb|{\"a\": 1e308}|FF01020304050607");
        sink.apply(List.of(ChangeBatch.changes(log, List.of(delete(24, row(null, null, null, null, null))))));
        assertThat(query("SELECT COUNT(*) FROM " + db + ".log")).containsExactly("3");
    }

    // ---- JSON scalars made by functions -------------------------------------------------------

    /** A document with a BLOB, a BIT(13) and a TIMESTAMP scalar, as the source carries it. */
    private static String opaqueDocument(int tag) {
        return TypedJson.valueOf("{\"b\": \"base64:type252:AP8=\", \"n\": " + tag + ", \"t\": \"2038-01-19 03:14:07.500000\", \"x\": \"base64:type16:EAE=\"}",
                List.of(TypedJson.Scalar.opaque("$.\"b\"", 252, new byte[] {0, (byte) 0xff}),
                        TypedJson.Scalar.timestamp("$.\"t\"", "2038-01-19 03:14:07.500000"),
                        TypedJson.Scalar.opaque("$.\"x\"", 16, new byte[] {0x10, 1})));
    }

    @Test
    void opaqueAndTimestampJsonScalarsAreMadeByFunctionsAndFindKeylessRows() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(version() == MySqlVersion.V8_0, "the functions make these types on 8.0");
        TableDef docs = new TableDef(new TableId(db, "docs"), List.of(TestTables.nullableInt("n"),
                new ColumnDef("doc", "json", "json", null, null, true, null, false)), List.of());
        sink.apply(List.of(ChangeBatch.snapshotBegin(docs, "s1"),
                ChangeBatch.snapshotChunk(docs, "s1", 0, reads(row(1L, opaqueDocument(1)), row(1L, opaqueDocument(1)), row(2L, opaqueDocument(2)))),
                ChangeBatch.snapshotEnd(docs, "s1", 1, SourcePosition.snapshotPoint(7, 10))));
        sink.apply(List.of(ChangeBatch.changes(docs, List.of(
                update(20, row(1L, opaqueDocument(1)), row(3L, opaqueDocument(3))),
                delete(21, row(2L, opaqueDocument(2)))))));
        String types = "CONCAT_WS(',', JSON_TYPE(doc->'$.b'), JSON_TYPE(doc->'$.t'), JSON_TYPE(doc->'$.x'))";
        assertThat(query("SELECT n, " + types + ", doc = JSON_OBJECT('b', CAST(x'00ff' AS BINARY)) FROM " + db + ".docs ORDER BY n")).containsExactly(
                "1|BLOB,TIMESTAMP,BIT|0", "3|BLOB,TIMESTAMP,BIT|0");
        assertThat(query("SELECT doc FROM " + db + ".docs WHERE n = 3")).containsExactly(
                "{\"b\": \"base64:type252:AP8=\", \"n\": 3, \"t\": \"2038-01-19 03:14:07.500000\", \"x\": \"base64:type16:EAE=\"}");
    }

    @Test
    void aDestinationUserWhoCannotCreateTheFunctionsGetsTheFix() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(version() == MySqlVersion.V8_0, "the functions make these types on 8.0");
        String user = db + "_nofn";
        try (Connection root = DriverManager.getConnection(mysql.jdbcUrl(), mysql.rootUser(), mysql.rootPassword());
                Statement s = root.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW ON *.* TO '"
                    + user + "'@'%'");
        }
        ChangeEventSink limited = open(Map.of("connection.username", user, "connection.password", "pw", "state.database", db + "_state"));
        TableDef docs = new TableDef(new TableId(db, "docs"), List.of(TestTables.nullableInt("n"),
                new ColumnDef("doc", "json", "json", null, null, true, null, false)), List.of());
        assertThatThrownBy(() -> limited.apply(List.of(ChangeBatch.changes(docs, List.of(insert(20, row(1L, opaqueDocument(1))))))))
                .isInstanceOfSatisfying(WriteException.class, failure -> assertThat(failure.isTransient()).isFalse())
                .hasMessageContaining(db + "_state")
                .hasMessageContaining("ferry_json_")
                .hasMessageContaining("CREATE ROUTINE")
                .hasMessageContaining("log_bin_trust_function_creators");
    }

    // ---- failures, rollback and replay ---------------------------------------------------------

    @Test
    void aFailedPutRollsBackAndItsReplayAppliesEveryChangeOnce() throws Exception {
        ChangeEventSink small = open(Map.of("transaction.max.rows", "2"));
        TableDef log = new TableDef(new TableId(db, "log"), List.of(TestTables.nullableInt("n")), List.of());
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".narrow (id BIGINT PRIMARY KEY, v VARCHAR(2))");
        TableDef narrow = new TableDef(new TableId(db, "narrow"), List.of(TestTables.bigint("id"), text("v", 20)), List.of("id"));
        String secret = "SECRET-ROW-VALUE";
        ChangeBatch b = ChangeBatch.changes(log, List.of(insert(20, 2L)));
        ChangeBatch c = ChangeBatch.changes(log, List.of(insert(30, 3L)));
        ChangeBatch d = ChangeBatch.changes(log, List.of(insert(40, 4L)));
        ChangeBatch e = ChangeBatch.changes(log, List.of(insert(50, 5L)));
        ChangeBatch bad = ChangeBatch.changes(narrow, List.of(insert(60, 1L, secret)));

        small.apply(List.of(ChangeBatch.changes(log, List.of(insert(10, 1L))), b,
                ChangeBatch.changes(narrow, List.of(insert(15, 2L, "ok")))));
        assertThatThrownBy(() -> small.apply(List.of(b, c, d, e, bad)))
                .isInstanceOfSatisfying(WriteException.class, failure -> {
                    assertThat(failure.isTransient()).isFalse();
                    assertThat(failure.getMessage()).contains("upsert", "`" + db + "`.`narrow`", "1406").doesNotContain(secret);
                    assertThat(failure.getCause().getMessage()).doesNotContain(secret);
                });
        // transaction.max.rows=2 committed C and D with their progress; E was rolled back with the bad row.
        assertThat(query("SELECT n FROM " + db + ".log ORDER BY n")).containsExactly("1", "2", "3", "4");
        assertThat(progress("log")).containsExactly("null|-1|0|7|40|0|0");

        small.apply(List.of(b, c, d, e));
        assertThat(query("SELECT n FROM " + db + ".log ORDER BY n")).containsExactly("1", "2", "3", "4", "5");
        assertThat(progress("log")).containsExactly("null|-1|0|7|50|0|0");
    }

    @Test
    void aLockWaitTimeoutIsTransientAndTheRetryAppliesOnce() throws Exception {
        TableDef items = keyed();
        sink.apply(List.of(ChangeBatch.changes(items, List.of(insert(1, 1L, "a")))));
        ChangeEventSink impatient = open(Map.of());
        try (Connection blocker = mysql.openConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("SELECT * FROM " + db + ".items WHERE id = 1 FOR UPDATE");
            mysql.execute("SET GLOBAL innodb_lock_wait_timeout = 1");
            try {
                ChangeEventSink waiting = open(Map.of());
                assertThatThrownBy(() -> waiting.apply(List.of(ChangeBatch.changes(items, List.of(
                        insert(2, 2L, "b"), update(3, row(1L, "a"), row(1L, "A")))))))
                        .isInstanceOfSatisfying(WriteException.class, failure -> assertThat(failure.isTransient()).isTrue());
            }
            finally {
                mysql.execute("SET GLOBAL innodb_lock_wait_timeout = 50");
            }
            blocker.rollback();
        }
        impatient.apply(List.of(ChangeBatch.changes(items, List.of(insert(2, 2L, "b"), update(3, row(1L, "a"), row(1L, "A"))))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id")).containsExactly("1|A", "2|b");
        assertThat(progress("items")).containsExactly("null|-1|0|7|3|0|0");
    }

    @Test
    void aMissingTableFailsWhenAutoCreateIsOff() throws Exception {
        ChangeEventSink strict = open(Map.of("table.auto.create", "false"));
        assertThatThrownBy(() -> strict.apply(List.of(ChangeBatch.changes(keyed(), List.of(insert(1, 1L, "a"))))))
                .isInstanceOfSatisfying(WriteException.class, failure -> assertThat(failure.isTransient()).isFalse())
                .hasMessageContaining("`" + db + "`.`items`").hasMessageContaining("table.auto.create");
    }

    // ---- table creation and exact values -------------------------------------------------------

    @Test
    void createsTablesWithTheSourcesExactTypesAndCopiesValuesExactly() throws Exception {
        String ref = db + "_ref";
        mysql.execute("CREATE DATABASE " + ref, "CREATE TABLE " + ref + ".types ("
                + "id BIGINT UNSIGNED NOT NULL, d DECIMAL(65,30), f FLOAT, f2 FLOAT(7,3), dbl DOUBLE, "
                + "name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL, "
                + "code CHAR(3) CHARACTER SET ascii COLLATE ascii_bin, kind ENUM('a','b''c') CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, "
                + "tags SET('x','y'), doc JSON, at DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME(6), yr YEAR, dt DATE, "
                + "bits BIT(12), raw VARBINARY(8), blb BLOB, txt MEDIUMTEXT, pt POINT, tiny TINYINT(1), sm SMALLINT(5) UNSIGNED ZEROFILL, "
                + "twice DOUBLE GENERATED ALWAYS AS ((`dbl` * 2)) STORED, next_year INT GENERATED ALWAYS AS ((`yr` + 1)) VIRTUAL, "
                + "PRIMARY KEY (id))");
        TableDef source;
        try (Connection connection = mysql.openConnection()) {
            source = SourceDefinitions.read(connection, new TableId(ref, "types"));
        }
        TableDef types = source.withId(new TableId(db, "types"));
        byte[] point = {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x40};
        byte[] blob = new byte[256];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        Object[] extremes = {"18446744073709551615", "-99999999999999999999999999999999999.999999999999999999999999999999",
                Float.MAX_VALUE, 1234.567f, -0.0d, "Å\\b' Ñ".getBytes(StandardCharsets.ISO_8859_1),
                "xyz".getBytes(StandardCharsets.US_ASCII), "b'c", "x,y", "{\"a\": [1, 2.5, null], \"b\": \"ü\"}",
                "2024-01-31 23:59:59.123456", "2038-01-19 03:14:07.999", "-838:59:59.000000", 1901L, "0000-00-00",
                new byte[] {0x0f, (byte) 0xff}, new byte[] {0, 1, 0}, blob, "😀 emoji", point, -128L, 65535L, null, null};
        Object[] empty = new Object[types.columns().size()];
        empty[0] = "0";
        empty[5] = new byte[0]; // latin1 and ascii text travel as their bytes (ColumnDef.textAsBytes)
        empty[13] = 0L;
        sink.apply(List.of(ChangeBatch.snapshotBegin(types, "s1"), ChangeBatch.snapshotChunk(types, "s1", 0, reads(extremes, empty))));

        try (Connection connection = mysql.openConnection()) {
            // Column types, character sets, collations, nullability, generation and key as information_schema
            // reports them. (SHOW CREATE TABLE differs only in showing the explicit default charset of two columns.)
            assertThat(SourceDefinitions.read(connection, types.id())).isEqualTo(types);
        }
        assertThat(query("SELECT id, d, f = ?, f2 = ?, CAST(dbl AS CHAR), name, code, kind, tags, doc, CAST(at AS CHAR), "
                + "CAST(ts AS CHAR), CAST(tm AS CHAR), CAST(yr AS CHAR), CAST(dt AS CHAR), HEX(bits), HEX(raw), MD5(blb) = MD5(?), txt, "
                + "ST_AsText(pt), tiny, sm, CAST(twice AS CHAR), next_year FROM " + db + ".types ORDER BY id DESC",
                (double) Float.MAX_VALUE, (double) 1234.567f, blob)).containsExactly(
                "18446744073709551615|-99999999999999999999999999999999999.999999999999999999999999999999|1|1|-0|Å\\b' Ñ|xyz|b'c|x,y|"
                        + "{\"a\": [1, 2.5, null], \"b\": \"ü\"}|2024-01-31 23:59:59.123456|2038-01-19 03:14:07.999|"
                        + "-838:59:59.000000|1901|0000-00-00|FFF|000100|1|😀 emoji|POINT(1 2)|-128|65535|-0|1902",
                "0|null|null|null|null||null|null|null|null|null|null|null|0000|null|null|null|null|null|null|null|null|null|1");
    }

    @Test
    void aDestinationTableHoldingRowsFerryDidNotWriteIsNeverEmptied() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".seq (id BIGINT PRIMARY KEY, v INT)",
                "INSERT INTO " + db + ".seq VALUES (7, 70)");
        TableDef seq = new TableDef(new TableId(db, "seq"), List.of(TestTables.bigint("id"), TestTables.nullableInt("v")), List.of("id"));
        assertThatThrownBy(() -> sink.apply(List.of(ChangeBatch.snapshotBegin(seq, "s1"))))
                .isInstanceOf(WriteException.class)
                .hasMessageContaining("`" + db + "`.`seq`").hasMessageContaining("already holds rows");
        assertThat(query("SELECT id, v FROM " + db + ".seq")).containsExactly("7|70");

        mysql.execute("DELETE FROM " + db + ".seq");
        sink.apply(List.of(ChangeBatch.snapshotBegin(seq, "s1"), ChangeBatch.snapshotChunk(seq, "s1", 0, List.of(
                RowChange.read(new Object[] {1L, 10L}))), ChangeBatch.snapshotBegin(seq, "s2")));
        assertThat(query("SELECT COUNT(*) FROM " + db + ".seq")).containsExactly("0");
    }

    @Test
    void aZeroInAnAutoIncrementColumnStaysZero() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".seq (id INT AUTO_INCREMENT PRIMARY KEY, v INT)");
        TableDef seq = new TableDef(new TableId(db, "seq"), List.of(TestTables.bigint("id"), TestTables.nullableInt("v")), List.of("id"));
        sink.apply(List.of(ChangeBatch.changes(seq, List.of(insert(1, 0L, 10L), insert(2, 5L, 50L)))));
        assertThat(query("SELECT id, v FROM " + db + ".seq ORDER BY id")).containsExactly("0|10", "5|50");
    }

    // ---- conflict policy proceed ---------------------------------------------------------------

    private static ChangeBatch proceed(ChangeBatch batch) {
        return batch.withConflictPolicy(ConflictPolicy.PROCEED);
    }

    @Test
    void underProceedTheSnapshotKeepsRowsWithTheSameKeyAndChangesOverwriteThem() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO " + db + ".items VALUES (1, 'theirs'), (7, 'theirs only')");
        TableDef items = keyed();
        sink.apply(List.of(
                proceed(ChangeBatch.snapshotBegin(items, "s1")),
                proceed(ChangeBatch.snapshotChunk(items, "s1", 0, reads(row(1L, "source"), row(2L, "source")))),
                proceed(ChangeBatch.snapshotEnd(items, "s1", 1, SourcePosition.snapshotPoint(7, 100)))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id")).containsExactly("1|theirs", "2|source", "7|theirs only");

        // Snapshot rows and binlog changes of one table in one transaction: the change overwrites.
        TableDef other = new TableDef(new TableId(db, "other"), List.of(TestTables.bigint("id"), text("note", 20)), List.of("id"));
        mysql.execute("CREATE TABLE " + db + ".other (id BIGINT PRIMARY KEY, note VARCHAR(20))", "INSERT INTO " + db + ".other VALUES (1, 'theirs')");
        sink.apply(List.of(
                proceed(ChangeBatch.snapshotBegin(other, "s1")),
                proceed(ChangeBatch.snapshotChunk(other, "s1", 0, reads(row(1L, "source"), row(3L, "source")))),
                proceed(ChangeBatch.snapshotEnd(other, "s1", 1, SourcePosition.snapshotPoint(7, 100))),
                ChangeBatch.changes(other, List.of(update(101, row(1L, "source"), row(1L, "live")), delete(102, 3L, "source"))),
                ChangeBatch.changes(items, List.of(delete(103, 7L, "theirs only"), insert(104, 8L, "new")))));
        assertThat(query("SELECT id, note FROM " + db + ".other ORDER BY id")).containsExactly("1|live");
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id")).containsExactly("1|theirs", "2|source", "8|new");
    }

    @Test
    void underProceedARepeatedSnapshotReplacesWhatTheInterruptedOneCopiedWithoutEmptying() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO " + db + ".items VALUES (1, 'theirs'), (9, 'theirs only')");
        TableDef items = keyed();
        sink.apply(List.of(proceed(ChangeBatch.snapshotBegin(items, "s1")),
                proceed(ChangeBatch.snapshotChunk(items, "s1", 0, reads(row(2L, "older"), row(3L, "older"))))));
        sink.forgetProgress();
        sink.apply(List.of(proceed(ChangeBatch.snapshotBegin(items, "s2")),
                proceed(ChangeBatch.snapshotChunk(items, "s2", 0, reads(row(1L, "source"), row(2L, "newer")))),
                proceed(ChangeBatch.snapshotEnd(items, "s2", 1, SourcePosition.snapshotPoint(7, 100)))));
        assertThat(query("SELECT id, note FROM " + db + ".items ORDER BY id"))
                .containsExactly("1|source", "2|newer", "3|older", "9|theirs only");
        assertThat(query("SELECT snapshot_keeps_rows FROM ferry.sink_progress WHERE connector_name = ? AND source_database = ? "
                + "AND source_table = ?", db, db, "items")).containsExactly("0");
    }

    @Test
    void underProceedARepeatedSnapshotOfAKeylessTableStops() throws Exception {
        TableDef log = new TableDef(new TableId(db, "log"), TestTables.log().columns(), List.of());
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".log (at INT, msg VARCHAR(50))", "INSERT INTO " + db + ".log VALUES (1, 'theirs')");
        sink.apply(List.of(proceed(ChangeBatch.snapshotBegin(log, "s1")),
                proceed(ChangeBatch.snapshotChunk(log, "s1", 0, reads(row(1L, "theirs"), row(2L, "source"))))));
        assertThat(query("SELECT at, msg FROM " + db + ".log ORDER BY at")).containsExactly("1|theirs", "1|theirs", "2|source");
        assertThatThrownBy(() -> sink.apply(List.of(proceed(ChangeBatch.snapshotBegin(log, "s2")))))
                .isInstanceOf(WriteException.class).hasMessageContaining("keyless").hasMessageContaining("Restore the destination table");
        assertThat(query("SELECT COUNT(*) FROM " + db + ".log")).containsExactly("3");
    }

    /**
     * A DDL statement the sink ran before a crash, whose position was not recorded yet, arrives again:
     * its effect is there, so it is taken as applied and the rows after it follow; redelivered after its
     * position was recorded, it is skipped. A statement the destination refuses stops the sink with the
     * statement, or under ddl.error.policy=skip is passed and the rows after it still apply.
     */
    @Test
    void replayedDdlIsAppliedOnceAndAFailingOneFollowsThePolicy() throws Exception {
        TableDef items = keyed();
        sink.apply(List.of(ChangeBatch.snapshotBegin(items, "s1"), ChangeBatch.snapshotChunk(items, "s1", 0, reads(new Object[] {1L, "a"})),
                ChangeBatch.snapshotEnd(items, "s1", 1, at(100))));
        String widen = "ALTER TABLE `" + db + "`.`items` ADD COLUMN extra INT NOT NULL DEFAULT 5";
        mysql.execute(widen);
        TableDef widened = new TableDef(items.id(), List.of(TestTables.bigint("id"), text("note", 20),
                new ColumnDef("extra", "int", "int", null, null, false, null, false)), List.of("id"));
        sink.apply(List.of(ChangeBatch.ddl(items, at(200), widen), ChangeBatch.changes(widened, List.of(insert(300, 2L, "b", 7L)))));
        assertThat(query("SELECT id, note, extra FROM " + db + ".items ORDER BY id")).containsExactly("1|a|5", "2|b|7");
        sink.apply(List.of(ChangeBatch.ddl(items, at(200), widen), ChangeBatch.changes(widened, List.of(insert(300, 2L, "b", 7L)))));
        assertThat(query("SELECT id, note, extra FROM " + db + ".items ORDER BY id")).containsExactly("1|a|5", "2|b|7");

        String refused = "ALTER TABLE `" + db + "`.`items` MODIFY note INT";
        assertThatThrownBy(() -> sink.apply(List.of(ChangeBatch.ddl(widened, at(400), refused))))
                .isInstanceOf(WriteException.class).hasMessageContaining(refused).hasMessageContaining("ddl.error.policy");
        ChangeEventSink skipping = open(Map.of("ddl.error.policy", "skip"));
        skipping.apply(List.of(ChangeBatch.ddl(widened, at(400), refused), ChangeBatch.changes(widened, List.of(insert(500, 3L, "c", 8L)))));
        assertThat(query("SELECT id, note, extra FROM " + db + ".items ORDER BY id")).containsExactly("1|a|5", "2|b|7", "3|c|8");
    }

    /**
     * A restart of the source can deliver a table's changes again from before a RENAME the sink applied: they are
     * skipped by the old name's progress, and the old name is not created again (table.auto.create is on).
     */
    @Test
    void changesDeliveredAgainFromBeforeARenameDoNotCreateTheOldTableAgain() throws Exception {
        TableDef items = keyed();
        sink.apply(List.of(ChangeBatch.snapshotBegin(items, "s1"), ChangeBatch.snapshotChunk(items, "s1", 0, reads(new Object[] {1L, "a"})),
                ChangeBatch.snapshotEnd(items, "s1", 1, at(100))));
        ChangeBatch before = ChangeBatch.changes(items, List.of(insert(200, 2L, "b")));
        String rename = "RENAME TABLE `" + db + "`.`items` TO `" + db + "`.`items2`";
        TableDef renamed = items.withId(new TableId(db, "items2"));
        sink.apply(List.of(before, ChangeBatch.ddl(items, at(300), rename), ChangeBatch.changes(renamed, List.of(insert(400, 3L, "c")))));

        ChangeEventSink restarted = open(Map.of());
        restarted.apply(List.of(before, ChangeBatch.ddl(items, at(300), rename), ChangeBatch.changes(renamed, List.of(insert(400, 3L, "c")))));
        assertThat(query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'items'", db))
                .containsExactly("0");
        assertThat(query("SELECT id, note FROM " + db + ".items2 ORDER BY id")).containsExactly("1|a", "2|b", "3|c");
    }
}
