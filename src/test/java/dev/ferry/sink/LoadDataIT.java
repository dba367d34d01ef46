package dev.ferry.sink;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.core.schema.ValueKind;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sink's LOAD DATA LOCAL INFILE path against a real server: values of every kind arrive exactly as
 * the statements write them, a load the destination would change falls back to the statements and
 * fails naming the table, conflicts behave as REPLACE / proceed do, and a destination that refuses
 * LOCAL gets statements.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadDataIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private MySqlServer mysql;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private String db;

    MySqlVersion version() {
        return MySqlVersion.V8_0;
    }

    @BeforeAll
    void startServer() throws IOException {
        mysql = MySqlServer.start(version(), Files.createDirectories(Path.of("target", "load-data-it")));
    }

    @AfterAll
    void stopServer() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @BeforeEach
    void name() {
        db = "load_it_" + NEXT.incrementAndGet();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    private record Opened(ChangeEventSink sink, LoadDataWriter loads) {
    }

    private Opened open(MySqlServer server, String url, Map<String, String> overrides) throws WriteException {
        Map<String, String> props = new HashMap<>();
        props.put("name", db);
        props.put("connection.url", url);
        props.put("connection.username", server.rootUser());
        props.put("connection.password", server.rootPassword());
        props.put("batch.size", "40");
        props.putAll(overrides);
        FerrySinkConfig config = new FerrySinkConfig(props);
        HikariDataSource pool = DestinationPool.open(config, db + "-" + pools.size());
        pools.add(pool);
        LoadDataWriter loads = new LoadDataWriter(config.loadData(), 1);
        ChangeEventSink sink = new ChangeEventSink(config, pool, loads);
        sink.start();
        return new Opened(sink, loads);
    }

    private Opened open(Map<String, String> overrides) throws WriteException {
        return open(mysql, mysql.jdbcUrl(), overrides);
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        return query(mysql, sql, parameters);
    }

    /** Rows as {@code a|b|c} strings, in UTC. */
    private static List<String> query(MySqlServer server, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DestinationUrl.withSinkProperties(server.jdbcUrl()),
                server.rootUser(), server.rootPassword())) {
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

    /** A utf8mb4 text column with a collation both 5.7 and 8.0 know. */
    private static ColumnDef text(String name, int length) {
        return new ColumnDef(name, "varchar", "varchar(" + length + ")", "utf8mb4", "utf8mb4_general_ci", true, null, false);
    }

    private static List<RowChange> reads(List<Object[]> rows) {
        return rows.stream().map(RowChange::read).toList();
    }

    private static RowChange insert(long position, Object... row) {
        return new RowChange(RowOp.INSERT, new SourcePosition(7, position, 0, 0), null, row);
    }

    // ---- exact values ----------------------------------------------------------------------------

    private static final String[] TEXTS = {"", "\t", "\n", "\\", "\0", "a\tb\nc\\d\0e\r\nf", "\\N", "NULL", "N", "😀 emoji 🚢",
            "Ñandú ü", "'quoted' \"double\" `back`", "\\t is not a tab", " trailing  ", "x".repeat(90), "\r", "\u001a"};
    /** latin1 text travels as the stored bytes (ColumnDef.textAsBytes), 0x81 and 0x8D included, which Java's windows-1252 lacks. */
    private static final byte[][] LATIN1 = {{}, "Ñandú".getBytes(StandardCharsets.ISO_8859_1), {9, 92, 10}, {(byte) 0x81, (byte) 0x8D, 32},
            "NULL".getBytes(StandardCharsets.US_ASCII), {92, 'N'}, {0}};
    private static final String[] JSONS = {"{\"a\": \"tab\\there\\\\ \\u0000\"}", "[1, 2.5, null, true]", "\"😀\"", "null",
            "{\"n\": -0.0, \"big\": 1e308}"};
    private static final float[] FLOATS = {0f, -0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 0.1f,
            -1.5e-30f, 16777217f, 1234.567f};
    private static final double[] DOUBLES = {0d, -0d, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
            0.1, 1e308, -2.2250738585072014E-308, 123456789.123456789, 9007199254740993d};
    private static final String[] DECIMALS = {"-99999999999999999999999999999999999.999999999999999999999999999999",
            "0.000000000000000000000000000001", "12.500000000000000000000000000000", "0.000000000000000000000000000000"};
    private static final String[] DATES = {"0000-00-00", "2024-02-29", "1000-01-01", "9999-12-31", "2024-00-00", "2023-02-31"};
    private static final String[] DATETIMES = {"0000-00-00 00:00:00.000000", "2024-01-31 23:59:59.999999", "1000-01-01 00:00:00.000000"};
    private static final String[] TIMESTAMPS = {"1970-01-01 00:00:01.000000", "2038-01-19 03:14:07.999999", "0000-00-00 00:00:00.000000"};
    private static final String[] TIMES = {"-12:00:00.500000", "838:59:59.000000", "00:00:00.000001", "-00:00:01.500000"};
    private static final long[] YEARS = {0L, 1901L, 2155L, 2000L, 1970L};
    private static final byte[] POINT = {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x40};

    private static byte[] bytes(int i) {
        return switch (i % 6) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {0};
            case 2 -> new byte[] {9, 10, 13, 92, 0, 'N'};
            case 3 -> "\\N".getBytes(StandardCharsets.US_ASCII);
            case 4 -> new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x7f};
            default -> {
                byte[] all = new byte[64];
                for (int b = 0; b < all.length; b++) {
                    all[b] = (byte) (b * 4 + i);
                }
                yield all;
            }
        };
    }

    private static Object[] valueRow(int i) {
        boolean nulls = i % 9 == 8;
        return new Object[] {
                (long) i,
                nulls ? null : TEXTS[i % TEXTS.length],
                nulls ? null : LATIN1[i % LATIN1.length],
                nulls ? null : TEXTS[(i + 3) % TEXTS.length].repeat(3),
                nulls ? null : JSONS[i % JSONS.length],
                nulls ? null : bytes(i),
                nulls ? null : bytes(i + 5),
                nulls ? null : new byte[] {(byte) (0x80 | i), 0, 9, 10, 92, 0, 13, (byte) i},
                nulls ? null : new byte[] {(byte) (i % 2)},
                nulls ? null : FLOATS[i % FLOATS.length],
                nulls ? null : DOUBLES[i % DOUBLES.length],
                nulls ? null : DECIMALS[i % DECIMALS.length],
                nulls ? null : i % 2 == 0 ? "18446744073709551615" : "0",
                nulls ? null : (long) (i % 3 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE - i),
                nulls ? null : YEARS[i % YEARS.length],
                nulls ? null : DATES[i % DATES.length],
                nulls ? null : DATETIMES[i % DATETIMES.length],
                nulls ? null : TIMESTAMPS[i % TIMESTAMPS.length],
                nulls ? null : TIMES[i % TIMES.length],
                nulls ? null : i % 2 == 0 ? "a" : "b",
                nulls ? null : i % 3 == 0 ? "" : "x,y",
                nulls ? null : POINT,
                nulls ? null : new byte[] {1, 0, (byte) i, 0},
                null,
                null};
    }

    private static final String TYPES_DDL = "(id BIGINT NOT NULL PRIMARY KEY, t VARCHAR(300), lt VARCHAR(20) CHARACTER SET latin1, "
            + "txt MEDIUMTEXT, j JSON, b VARBINARY(64), bl BLOB, bt BIT(64), bt1 BIT(1), f FLOAT, d DOUBLE, "
            + "dc DECIMAL(65,30), ub BIGINT UNSIGNED, i INT, yr YEAR, dt DATE, dtm DATETIME(6), ts TIMESTAMP(6) NULL, "
            + "tm TIME(6), e ENUM('a','b'), st SET('x','y'), g GEOMETRY, bn BINARY(4), "
            + "twice BIGINT GENERATED ALWAYS AS (id * 2) STORED, len INT GENERATED ALWAYS AS (LENGTH(t)) VIRTUAL)";

    private TableDef typesTable(String database) throws SQLException {
        String ref = db + "_ref";
        mysql.execute("CREATE DATABASE IF NOT EXISTS " + ref, "CREATE TABLE IF NOT EXISTS " + ref + ".types " + TYPES_DDL);
        try (Connection connection = mysql.openConnection()) {
            return SourceDefinitions.read(connection, new TableId(ref, "types")).withId(new TableId(database, "types"));
        }
    }

    /** Every column as exact text: FLOAT and DOUBLE as their shortest text, everything else as hex of its bytes. */
    private List<String> exactRows(TableDef table) throws SQLException {
        String columns = table.columns().stream().map(c -> {
            ValueKind kind = c.valueKind();
            String quoted = "`" + c.name() + "`";
            return kind == ValueKind.FLOAT || kind == ValueKind.DOUBLE ? "CAST(" + quoted + " AS CHAR)" : "HEX(" + quoted + ")";
        }).collect(Collectors.joining(", "));
        return query("SELECT " + columns + " FROM `" + table.id().database() + "`.`types` ORDER BY id");
    }

    @Test
    void everyKindOfValueLoadsExactlyAsTheStatementsWriteIt() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(valueRow(i));
        }
        TableDef loaded = typesTable(db + "_load");
        TableDef stated = typesTable(db + "_stmt");
        Opened loading = open(Map.of());
        Opened statements = open(Map.of("load.data", "false"));
        for (Opened opened : List.of(loading, statements)) {
            TableDef table = opened == loading ? loaded : stated;
            opened.sink().apply(List.of(ChangeBatch.snapshotBegin(table, "s1"),
                    ChangeBatch.snapshotChunk(table, "s1", 0, reads(rows.subList(0, 70))),
                    ChangeBatch.snapshotChunk(table, "s1", 1, reads(rows.subList(70, rows.size()))),
                    ChangeBatch.snapshotEnd(table, "s1", 2, SourcePosition.snapshotPoint(7, 10))));
        }
        assertThat(loading.loads().loadedRows()).isEqualTo(rows.size());
        assertThat(loading.loads().fallbacks()).isZero();
        assertThat(statements.loads().loadedRows()).isZero();

        List<String> viaLoad = exactRows(loaded);
        assertThat(viaLoad).hasSize(rows.size()).isEqualTo(exactRows(stated));
        // And against the values themselves, for the kinds LOAD DATA text could change.
        for (int i : new int[] {0, 1, 2, 4, 5, 6, 9, 16}) {
            Object[] row = rows.get(i);
            assertThat(query("SELECT t, HEX(lt), txt, HEX(b), HEX(bt), CAST(yr AS CHAR) FROM " + db + "_load.types WHERE id = ?", i)).containsExactly(
                    row[1] + "|" + hex((byte[]) row[2]) + "|" + row[3] + "|" + hex((byte[]) row[5]) + "|" + hex((byte[]) row[7]).replaceFirst("^0+", "")
                            + "|" + String.format("%04d", (Long) row[14]));
        }
        assertThat(query("SELECT COUNT(*) FROM " + db + "_load.types WHERE t IS NULL AND b IS NULL AND g IS NULL AND yr IS NULL"))
                .containsExactly("13");
        assertThat(query("SELECT COUNT(*) FROM " + db + "_load.types WHERE f = ? AND CAST(f AS CHAR) = '-0'", -0f))
                .containsExactly(String.valueOf(LongStream.range(0, 120).filter(i -> i % 9 != 8 && i % FLOATS.length == 1).count()));
    }

    /**
     * Documents with DECIMAL, DATE, TIME and DATETIME scalars (TypedJson) load in runs of one shape, each
     * scalar set from its own field: the destination holds the same text and the same JSON types at every path
     * as when the statements write them, and every row went through a load.
     */
    @Test
    void typedJsonDocumentsLoadInRunsOfOneShapeExactlyAsTheStatementsWriteThem() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < 120; id++) {
            String doc;
            if (id < 40) {
                doc = "{\"p\": " + id + ".5}";
            }
            else if (id < 80) {
                doc = TypedJson.valueOf("{\"p\": " + id + ".50, \"d\": \"2020-02-29\"}", List.of(
                        new TypedJson.Scalar("$.p", "DECIMAL(4,2)", id + ".50"), new TypedJson.Scalar("$.d", "DATE", "2020-02-29")));
            }
            else {
                doc = TypedJson.valueOf("{\"a b\": [1, \"2021-01-01 10:00:00.000001\"], \"t\": \"-12:00:00.500000\"}", List.of(
                        new TypedJson.Scalar("$.\"a b\"[1]", "DATETIME(6)", "2021-01-01 10:00:00.000001"),
                        new TypedJson.Scalar("$.t", "TIME(6)", "-12:00:00.500000")));
            }
            rows.add(new Object[] {id, doc});
        }
        Map<String, TableDef> tables = new HashMap<>();
        Opened loading = open(Map.of());
        Opened statements = open(Map.of("load.data", "false"));
        for (Opened opened : List.of(loading, statements)) {
            String database = db + (opened == loading ? "_jload" : "_jstmt");
            TableDef table = new TableDef(new TableId(database, "docs"), List.of(TestTables.bigint("id"),
                    new ColumnDef("doc", "json", "json", null, null, true, null, false)), List.of("id"));
            tables.put(database, table);
            opened.sink().apply(List.of(ChangeBatch.snapshotBegin(table, "s1"), ChangeBatch.snapshotChunk(table, "s1", 0, reads(rows)),
                    ChangeBatch.snapshotEnd(table, "s1", 1, SourcePosition.snapshotPoint(7, 10))));
        }
        assertThat(loading.loads().loadedRows()).isEqualTo(rows.size());
        assertThat(loading.loads().fallbacks()).isZero();

        String select = "SELECT id, CAST(doc AS CHAR), JSON_TYPE(JSON_EXTRACT(doc, '$.p')), JSON_TYPE(JSON_EXTRACT(doc, '$.d')), "
                + "JSON_TYPE(JSON_EXTRACT(doc, '$.\"a b\"[1]')), JSON_TYPE(JSON_EXTRACT(doc, '$.t')), "
                + "CAST(JSON_EXTRACT(doc, '$.t') AS CHAR) FROM %s.docs ORDER BY id";
        List<String> viaLoad = query(select.formatted(db + "_jload"));
        assertThat(viaLoad).hasSize(rows.size()).isEqualTo(query(select.formatted(db + "_jstmt")));
        assertThat(viaLoad.get(0)).isEqualTo("0|{\"p\": 0.5}|DOUBLE|null|null|null|null");
        assertThat(viaLoad.get(41)).isEqualTo("41|{\"d\": \"2020-02-29\", \"p\": 41.50}|DECIMAL|DATE|null|null|null");
        assertThat(viaLoad.get(99)).isEqualTo("99|{\"t\": \"-12:00:00.500000\", \"a b\": [1, \"2021-01-01 10:00:00.000001\"]}"
                + "|null|null|DATETIME|TIME|\"-12:00:00.500000\"");
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b));
        }
        return out.toString();
    }

    @Test
    void runsLargerThanOneLoadAreSplitWithoutLosingOrRepeatingARow() throws Exception {
        TableDef table = new TableDef(new TableId(db, "big"), List.of(TestTables.bigint("id"),
                new ColumnDef("v", "mediumtext", "mediumtext", "utf8mb4", "utf8mb4_general_ci", true, null, false)), List.of("id"));
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= 1200; id++) {
            rows.add(new Object[] {id, (id % 10) + "é".repeat(4000)});
        }
        Opened opened = open(Map.of());
        opened.sink().apply(List.of(ChangeBatch.snapshotBegin(table, "s1"),
                ChangeBatch.snapshotChunk(table, "s1", 0, reads(rows.subList(0, 700))),
                ChangeBatch.snapshotChunk(table, "s1", 1, reads(rows.subList(700, 1200)))));
        // About 9.6 MB of rows: three loads or more, none falling back.
        assertThat(opened.loads().loadedRows()).isEqualTo(1200);
        assertThat(opened.loads().fallbacks()).isZero();
        assertThat(query("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), SUM(CHAR_LENGTH(v)), SUM(CAST(LEFT(v, 1) AS UNSIGNED)) FROM " + db + ".big"))
                .containsExactly("1200|1200|1|1200|" + 1200 * 4001 + "|" + 120 * 45);
    }

    // ---- failures ---------------------------------------------------------------------------------

    private List<String> progress(String table) throws SQLException {
        return query("SELECT snapshot_id, snapshot_chunk, snapshot_done FROM ferry.sink_progress WHERE connector_name = ? "
                + "AND source_database = ? AND source_table = ?", db, db, table);
    }

    private static List<Object[]> notes(long from, long to, String note) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            rows.add(new Object[] {id, note});
        }
        return rows;
    }

    @Test
    void aValueTheDestinationWouldChangeRollsTheLoadBackWithItsProgressAndFailsNamingTheTable() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".short (id BIGINT PRIMARY KEY, v VARCHAR(3)) CHARACTER SET utf8");
        TableDef table = new TableDef(new TableId(db, "short"), List.of(TestTables.bigint("id"),
                new ColumnDef("v", "varchar", "varchar(3)", "utf8", "utf8_general_ci", true, null, false)), List.of("id"));
        // batch.size=2: 32 buffered snapshot rows are written before the commit, each run in one load.
        Opened opened = open(Map.of("batch.size", "2"));
        opened.sink().apply(List.of(ChangeBatch.snapshotBegin(table, "s1"), ChangeBatch.snapshotChunk(table, "s1", 0, reads(notes(1, 40, "ok")))));
        assertThat(opened.loads().loadedRows()).isEqualTo(40);

        List<Object[]> tooLong = notes(81, 120, "ok");
        tooLong.set(17, new Object[] {98L, "four"});
        assertThatThrownBy(() -> opened.sink().apply(List.of(
                ChangeBatch.snapshotChunk(table, "s1", 1, reads(notes(41, 80, "ok"))),
                ChangeBatch.snapshotChunk(table, "s1", 2, reads(tooLong)))))
                .isInstanceOfSatisfying(WriteException.class, failure -> assertThat(failure.isTransient()).isFalse())
                .hasMessageContaining("`" + db + "`.`short`").hasMessageContaining("1406");
        // Chunk 1 was loaded as soon as it was buffered; the load of chunk 2 (with the bad row) fell back to
        // statements, which failed, and everything went back with the progress.
        assertThat(opened.loads().loadedRows()).isEqualTo(80);
        assertThat(opened.loads().fallbacks()).isEqualTo(1);
        assertThat(query("SELECT COUNT(*), MAX(id) FROM " + db + ".short")).containsExactly("40|40");
        assertThat(progress("short")).containsExactly("s1|0|0");

        List<Object[]> notUtf8mb3 = notes(41, 80, "ok");
        notUtf8mb3.set(3, new Object[] {44L, "😀"});
        assertThatThrownBy(() -> opened.sink().apply(List.of(ChangeBatch.snapshotChunk(table, "s1", 1, reads(notUtf8mb3)))))
                .isInstanceOf(WriteException.class).hasMessageContaining("`" + db + "`.`short`").hasMessageContaining("1366");
        assertThat(query("SELECT COUNT(*) FROM " + db + ".short")).containsExactly("40");

        opened.sink().apply(List.of(ChangeBatch.snapshotChunk(table, "s1", 1, reads(notes(41, 80, "ok"))),
                ChangeBatch.snapshotEnd(table, "s1", 2, SourcePosition.snapshotPoint(7, 10))));
        assertThat(query("SELECT COUNT(*), MAX(id) FROM " + db + ".short")).containsExactly("80|80");
        assertThat(progress("short")).containsExactly("s1|1|1");
    }

    @Test
    void aDuplicateKeyInAKeylessTableFailsAsTheInsertWouldInsteadOfBeingSkipped() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".tags (id BIGINT, v VARCHAR(20), UNIQUE KEY uk (id))");
        TableDef table = new TableDef(new TableId(db, "tags"), List.of(TestTables.column("id", "bigint", "bigint"),
                text("v", 20)), List.of());
        Opened opened = open(Map.of());
        List<Object[]> rows = notes(1, 40, "a");
        rows.set(20, new Object[] {5L, "dup"});
        assertThatThrownBy(() -> opened.sink().apply(List.of(ChangeBatch.snapshotBegin(table, "s1"),
                ChangeBatch.snapshotChunk(table, "s1", 0, reads(rows)))))
                .isInstanceOf(WriteException.class).hasMessageContaining("`" + db + "`.`tags`").hasMessageContaining("1062");
        assertThat(query("SELECT COUNT(*) FROM " + db + ".tags")).containsExactly("0");
    }

    // ---- conflicts --------------------------------------------------------------------------------

    @Test
    void loadsReplaceRowsWithTheSameKeyAndUnderProceedKeepThem() throws Exception {
        mysql.execute("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".items (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO " + db + ".items SELECT seq, 'theirs' FROM (SELECT 1 seq UNION SELECT 2 UNION SELECT 30 UNION SELECT 99) s",
                "CREATE TABLE " + db + ".kept (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO " + db + ".kept VALUES (2, 'theirs'), (30, 'theirs'), (99, 'theirs only')");
        TableDef items = new TableDef(new TableId(db, "items"), List.of(TestTables.bigint("id"), text("note", 20)), List.of("id"));
        TableDef kept = new TableDef(new TableId(db, "kept"), items.columns(), List.of("id"));
        Opened opened = open(Map.of());
        List<RowChange> inserts = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            inserts.add(insert(100 + id, id, "source"));
        }
        opened.sink().apply(List.of(ChangeBatch.changes(items, inserts)));
        assertThat(query("SELECT COUNT(*), SUM(note = 'source') FROM " + db + ".items")).containsExactly("41|40");
        assertThat(query("SELECT note FROM " + db + ".items WHERE id = 99")).containsExactly("theirs");

        opened.sink().apply(List.of(
                ChangeBatch.snapshotBegin(kept, "s1").withConflictPolicy(ConflictPolicy.PROCEED),
                ChangeBatch.snapshotChunk(kept, "s1", 0, reads(notes(1, 40, "source"))).withConflictPolicy(ConflictPolicy.PROCEED)));
        long loadedBefore = opened.loads().loadedRows();
        opened.sink().apply(List.of(
                ChangeBatch.snapshotChunk(kept, "s1", 1, reads(notes(41, 80, "source"))).withConflictPolicy(ConflictPolicy.PROCEED),
                ChangeBatch.snapshotEnd(kept, "s1", 2, SourcePosition.snapshotPoint(7, 100)).withConflictPolicy(ConflictPolicy.PROCEED)));
        assertThat(opened.loads().loadedRows() - loadedBefore).isEqualTo(40);
        assertThat(query("SELECT id, note FROM " + db + ".kept WHERE note <> 'source' ORDER BY id"))
                .containsExactly("2|theirs", "30|theirs", "99|theirs only");
        assertThat(query("SELECT COUNT(*) FROM " + db + ".kept")).containsExactly("81");
    }

    // ---- a destination that refuses LOCAL ---------------------------------------------------------

    @Test
    void aClientThatRefusesLocalWritesWithStatements() throws Exception {
        Opened opened = open(mysql, mysql.jdbcUrl() + (mysql.jdbcUrl().contains("?") ? "&" : "?") + "allowLoadLocalInfile=false", Map.of());
        writeAndCheckWithoutLoads(mysql, opened);
    }

    @Test
    void aServerThatRefusesLocalGetsStatements() throws Exception {
        try (MySqlServer refusing = MySqlServer.start(version(), Files.createDirectories(Path.of("target", "load-data-it")),
                Map.of("local-infile", "OFF"))) {
            Opened opened = open(refusing, refusing.jdbcUrl(), Map.of());
            writeAndCheckWithoutLoads(refusing, opened);
        }
    }

    private void writeAndCheckWithoutLoads(MySqlServer server, Opened opened) throws Exception {
        TableDef items = new TableDef(new TableId(db, "items"), List.of(TestTables.bigint("id"), text("note", 20)), List.of("id"));
        opened.sink().apply(List.of(ChangeBatch.snapshotBegin(items, "s1"),
                ChangeBatch.snapshotChunk(items, "s1", 0, reads(notes(1, 40, "a\tb"))),
                ChangeBatch.snapshotChunk(items, "s1", 1, reads(notes(41, 80, "c\\d")))));
        assertThat(opened.loads().enabled()).isFalse();
        assertThat(opened.loads().loadedRows()).isZero();
        assertThat(query(server, "SELECT COUNT(*), SUM(note = 'a\\tb'), SUM(note = 'c\\\\d') FROM " + db + ".items"))
                .containsExactly("80|40|40");
    }
}
