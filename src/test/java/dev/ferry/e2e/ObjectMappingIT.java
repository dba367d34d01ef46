package dev.ferry.e2e;

import dev.ferry.testkit.ConfigValidation;
import dev.ferry.testkit.ConnectorConfigFile;
import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selection, name mapping, row filters and the conflict policy on real servers, through a real
 * Kafka broker and Connect worker: what reaches the destination, under which names, after the
 * snapshot and after live changes; and every configuration error through Connect's REST validate.
 */
@Tag("integration")
class ObjectMappingIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String ORDERS_FILTER = "status IN ('paid', 'shipped') AND amount >= 10";
    private static final String ORDERS_COLUMNS = "SELECT CONCAT_WS('|', id, status, amount, IFNULL(note, '-')) FROM %s ORDER BY id";

    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(ObjectMappingIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * m_src becomes m_dst with all its tables; customers becomes clients with name as full_name;
     * audit and orders.secret never arrive; orders holds only the rows its filter selects, also
     * after updates that move rows into and out of it.
     */
    @Test
    void aRenamedDatabaseWithRenamedExcludedAndFilteredObjects() throws Exception {
        stack.source().execute("CREATE DATABASE m_src",
                "CREATE TABLE m_src.orders (id INT PRIMARY KEY, status VARCHAR(10) COLLATE utf8mb4_bin, amount DECIMAL(10,2), "
                        + "secret VARCHAR(20), note VARCHAR(20))",
                "CREATE TABLE m_src.customers (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(20))",
                "CREATE TABLE m_src.audit (id INT PRIMARY KEY, what VARCHAR(20))",
                "INSERT INTO m_src.orders VALUES (1, 'paid', 10.00, 's1', 'a'), (2, 'paid', 9.99, 's2', NULL), "
                        + "(3, 'open', 50, 's3', 'b'), (4, 'shipped', 100.5, 's4', 'c'), (5, NULL, 20, 's5', 'd'), "
                        + "(6, 'PAID', 20, 's6', 'e')",
                "INSERT INTO m_src.customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'Arlington')",
                "INSERT INTO m_src.audit VALUES (1, 'never copied')");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "mapped", "m_src");
        pipeline.deploy(Map.of(
                "mapping.databases", "m_src:m_dst",
                "mapping.tables", "m_src.customers:clients",
                "mapping.columns", "m_src.customers.name:full_name",
                "table.exclude.list", "m_src\\.audit",
                "column.exclude.list", "m_src\\.orders\\.secret",
                "row.filters", "m_src.orders: " + ORDERS_FILTER), Map.of());

        awaitOrdersEqualFilteredSource(pipeline);
        awaitSame(pipeline, "SELECT CONCAT_WS('|', id, name, city) FROM m_src.customers ORDER BY id",
                "SELECT CONCAT_WS('|', id, full_name, city) FROM m_dst.clients ORDER BY id");
        assertThat(rows(stack.destination(), ORDERS_COLUMNS.formatted("m_dst.orders"))).containsExactly("1|paid|10.00|a", "4|shipped|100.50|c");

        stack.source().execute(
                "UPDATE m_src.orders SET status = 'paid' WHERE id = 3",             // moves in
                "UPDATE m_src.orders SET amount = 5 WHERE id = 1",                  // moves out
                "UPDATE m_src.orders SET note = 'changed' WHERE id = 4",            // stays in
                "UPDATE m_src.orders SET note = 'still out' WHERE id = 6",          // stays out
                "UPDATE m_src.orders SET amount = 10 WHERE id = 2",                 // moves in at the edge
                "UPDATE m_src.orders SET id = 40 WHERE id = 4",                     // key change inside
                "UPDATE m_src.orders SET status = 'shipped', id = 50 WHERE id = 5", // NULL to in, with a key change
                "INSERT INTO m_src.orders VALUES (7, 'shipped', 70, 's7', 'f'), (8, 'open', 80, 's8', 'g')",
                "DELETE FROM m_src.orders WHERE id IN (8, 2)",
                "UPDATE m_src.customers SET name = 'Ada Lovelace' WHERE id = 1",
                "INSERT INTO m_src.customers VALUES (3, 'Barbara', NULL)",
                "DELETE FROM m_src.customers WHERE id = 2",
                "INSERT INTO m_src.audit VALUES (2, 'never either')");
        awaitOrdersEqualFilteredSource(pipeline);
        awaitSame(pipeline, "SELECT CONCAT_WS('|', id, name, IFNULL(city, '-')) FROM m_src.customers ORDER BY id",
                "SELECT CONCAT_WS('|', id, full_name, IFNULL(city, '-')) FROM m_dst.clients ORDER BY id");
        assertThat(rows(stack.destination(), ORDERS_COLUMNS.formatted("m_dst.orders")))
                .containsExactly("3|paid|50.00|b", "7|shipped|70.00|f", "40|shipped|100.50|changed", "50|shipped|20.00|d");

        assertThat(rows(stack.destination(), "SELECT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA IN ('m_src', 'm_dst') ORDER BY 1")).containsExactly("m_dst.clients", "m_dst.orders");
        assertThat(rows(stack.destination(), "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'm_dst' "
                + "AND TABLE_NAME = 'orders' ORDER BY ORDINAL_POSITION")).containsExactly("id", "status", "amount", "note");
        assertThat(rows(stack.destination(), "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'm_dst' "
                + "AND TABLE_NAME = 'clients' ORDER BY ORDINAL_POSITION")).containsExactly("id", "full_name", "city");
        PipelineAssertions.assertRunning(stack, pipeline.sourceName(), pipeline.sinkName());
    }

    /**
     * Conflict policy proceed: the snapshot keeps destination rows with the same key and inserts the
     * others, without emptying the table; live changes then overwrite and delete as usual.
     */
    @Test
    void proceedKeepsOverlappingRowsInTheSnapshotAndLiveChangesOverwriteThem() throws Exception {
        stack.source().execute("CREATE DATABASE p_src",
                "CREATE TABLE p_src.items (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO p_src.items VALUES (1, 'src'), (2, 'src'), (3, 'src'), (4, 'src')");
        stack.destination().execute("CREATE DATABASE p_src",
                "CREATE TABLE p_src.items (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO p_src.items VALUES (1, 'dest'), (2, 'dest'), (100, 'dest only')");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "proceed", "p_src");
        pipeline.deploy(Map.of("conflict.policy", "proceed"), Map.of());

        String items = "SELECT CONCAT(id, '=', v) FROM p_src.items ORDER BY id";
        awaitDestination(pipeline, items, List.of("1=dest", "2=dest", "3=src", "4=src", "100=dest only"));

        stack.source().execute("UPDATE p_src.items SET v = 'live' WHERE id = 1", "DELETE FROM p_src.items WHERE id = 2",
                "INSERT INTO p_src.items VALUES (5, 'new')", "UPDATE p_src.items SET v = 'live' WHERE id = 3");
        awaitDestination(pipeline, items, List.of("1=live", "3=live", "4=src", "5=new", "100=dest only"));

        // A running migration keeps its selection, names and filters: a changed filter stops the source.
        stack.rest().createOrUpdate(pipeline.sourceName(), pipeline.source(Map.of("conflict.policy", "proceed",
                "row.filters", "p_src.items: id > 1")).config());
        String failure = awaitSourceFailure(pipeline);
        assertThat(failure).contains("changed since the migration started").contains("row.filters=p_src.items: id > 1");
    }

    private static String awaitSourceFailure(FerryPipeline pipeline) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<String> failure = stack.rest().status(pipeline.sourceName()).failure();
            if (failure.isPresent()) {
                return failure.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(pipeline.sourceName() + " kept running with changed row filters");
    }

    @Test
    void configErrorsAreReportedOnTheirSettingThroughValidate() throws Exception {
        stack.source().execute("CREATE DATABASE v_src",
                "CREATE TABLE v_src.orders (id INT PRIMARY KEY, ratio DOUBLE, code VARCHAR(10) COLLATE utf8mb4_0900_ai_ci)",
                "CREATE TABLE v_src.lines (id INT PRIMARY KEY, qty INT)");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "validate", "v_src");

        assertThat(validate(pipeline, Map.of()).errors()).allSatisfy((key, messages) -> assertThat(messages).as(key).isEmpty());
        assertError(pipeline, Map.of("database.include.list", "v_src,nowhere"), "database.include.list",
                "[source.selection.exists] FAIL: The selection names databases that do not exist on the source");
        assertError(pipeline, Map.of("table.include.list", "v_src\\.lines,v_src\\.order"), "table.include.list",
                "Patterns of table.include.list match no table of the selected databases");
        assertThat(validate(pipeline, Map.of("table.include.list", "v_src\\.lines,v_src\\.order", "precheck.acknowledged.warnings",
                "source.tables.keyless,source.selection.exists")).errorsFor("table.include.list")).isEmpty();
        assertError(pipeline, Map.of("row.filters", "v_src.orders: missing = 1"), "row.filters", "has no column `missing`");
        assertError(pipeline, Map.of("row.filters", "v_src.orders: ratio > 0.5"), "row.filters", "floating-point values approximately");
        assertError(pipeline, Map.of("row.filters", "v_src.orders: code = 'x'"), "row.filters", "utf8mb4_0900_ai_ci");
        assertError(pipeline, Map.of("row.filters", "v_src.orders: code LIKE 'x%'"), "row.filters", "LIKE");
        assertError(pipeline, Map.of("row.filters", "v_src.nope: id = 1"), "row.filters", "v_src.nope named in row.filters");
        assertError(pipeline, Map.of("mapping.tables", "v_src.orders:same, v_src.lines:same"), "mapping.tables",
                "Source tables v_src.lines and v_src.orders both map to destination table v_src.same");
        assertError(pipeline, Map.of("mapping.case", "upper", "mapping.tables", "v_src.lines:ORDERS"), "mapping.tables",
                "both map to destination table V_SRC.ORDERS");
        assertError(pipeline, Map.of("mapping.table.prefix", "p".repeat(60)), "mapping.tables", "at most 64");
        assertError(pipeline, Map.of("mapping.columns", "v_src.lines.qty:ID"), "mapping.columns",
                "v_src.lines.id and v_src.lines.qty both map to destination column ID");
        assertError(pipeline, Map.of("mapping.columns", "v_src.lines.quantity:q"), "mapping.columns", "has no column quantity");
        assertError(pipeline, Map.of("mapping.databases", "nowhere:x"), "mapping.databases", "nowhere");
        assertError(pipeline, Map.of("column.exclude.list", "v_src\\.lines\\.id"), "column.exclude.list", "part of the key");
        assertError(pipeline, Map.of("mapping.databases", "v_src"), "mapping.databases", "expected ':'");
        assertError(pipeline, Map.of("conflict.policy", "ignore"), "conflict.policy", "ignore");
    }

    private static ConfigValidation validate(FerryPipeline pipeline, Map<String, String> extra) {
        ConnectorConfigFile source = pipeline.source(extra);
        Map<String, String> config = new java.util.HashMap<>(source.config());
        config.put("name", source.name());
        return stack.rest().validate(source.connectorClass(), config);
    }

    private static void assertError(FerryPipeline pipeline, Map<String, String> extra, String key, String message) {
        ConfigValidation result = validate(pipeline, extra);
        assertThat(result.errorsFor(key)).as("errors on %s for %s (all: %s)", key, extra, result.errors())
                .anySatisfy(e -> assertThat(e).contains(message));
    }

    private static void awaitOrdersEqualFilteredSource(FerryPipeline pipeline) throws Exception {
        awaitSame(pipeline, ORDERS_COLUMNS.formatted("m_src.orders WHERE " + ORDERS_FILTER), ORDERS_COLUMNS.formatted("m_dst.orders"));
    }

    /** Waits until the destination query returns what the source query returns, each on its server. */
    private static void awaitSame(FerryPipeline pipeline, String sourceSql, String destinationSql) throws Exception {
        awaitDestination(pipeline, destinationSql, rows(stack.source(), sourceSql));
    }

    private static void awaitDestination(FerryPipeline pipeline, String sql, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> actual = List.of();
        while (System.nanoTime() < deadline) {
            PipelineAssertions.assertRunning(stack, pipeline.sourceName(), pipeline.sinkName());
            try {
                actual = rows(stack.destination(), sql);
                if (actual.equals(expected)) {
                    return;
                }
            }
            catch (SQLException notThereYet) {
                actual = List.of(notThereYet.getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertThat(actual).as("destination: %s", sql).isEqualTo(expected);
    }

    private static List<String> rows(MySqlServer server, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.openConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
