package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration types alone: full stops after the snapshot, incremental starts at the binlog's end, schema copies no row. */
@Tag("integration")
class MigrationTypesIT {
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(MigrationTypesIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static FerryPipeline pipeline(String database) throws Exception {
        stack.source().execute("CREATE DATABASE " + database,
                "CREATE TABLE " + database + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + database + ".t VALUES (1, 'before'), (2, 'before')");
        return new FerryPipeline(stack, Path.of("connector-config"), database, database);
    }

    @Test
    void fullAloneCopiesTheSnapshotAndThenIgnoresChanges() throws Exception {
        FerryPipeline p = pipeline("only_full");
        p.deploy(Map.of("migration.types", "full"), Map.of());
        awaitDestination("SELECT COUNT(*) FROM only_full.t", "2");
        awaitSnapshotDone(p);
        stack.source().execute("INSERT INTO only_full.t VALUES (3, 'after')", "UPDATE only_full.t SET v = 'after' WHERE id = 1");
        TimeUnit.SECONDS.sleep(3);
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id, v ORDER BY id) FROM only_full.t")).isEqualTo("1before,2before");
        assertStillRunning(p);
    }

    @Test
    void fullNeedsOnlySelect() throws Exception {
        FerryPipeline p = pipeline("select_only");
        stack.source().execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-Pass-1'", "GRANT SELECT ON select_only.* TO 'reader'@'%'");
        p.deploy(Map.of("migration.types", "full", "database.user", "reader", "database.password", "reader-Pass-1"), Map.of());
        awaitDestination("SELECT GROUP_CONCAT(id, v ORDER BY id) FROM select_only.t", "1before,2before");
        awaitSnapshotDone(p);
        assertStillRunning(p);
    }

    @Test
    void incrementalAloneStartsAtTheBinlogEnd() throws Exception {
        FerryPipeline p = pipeline("only_incr");
        p.deploy(Map.of("migration.types", "incremental"), Map.of());
        // The start point is durable once the offsets say so; rows before it are not copied, changes after it are.
        awaitSnapshotDone(p);
        stack.source().execute("INSERT INTO only_incr.t VALUES (3, 'after')", "UPDATE only_incr.t SET v = 'after' WHERE id = 1");
        awaitDestination("SELECT GROUP_CONCAT(id, v ORDER BY id) FROM only_incr.t", "1after,3after");
        assertStillRunning(p);
    }

    @Test
    void schemaAloneCreatesTablesWithoutRows() throws Exception {
        FerryPipeline p = pipeline("only_schema");
        p.deploy(Map.of("migration.types", "schema"), Map.of());
        awaitDestination("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'only_schema'", "1");
        awaitSnapshotDone(p);
        assertStillRunning(p);
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM only_schema.t")).isEqualTo("0");
        assertThat(stack.destination().queryString("SELECT COLUMN_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'only_schema' AND COLUMN_NAME = 'v'")).isEqualTo("varchar(20)");
    }

    /** Waits until the source's offsets record the snapshot phase as done (for incremental alone: its start point). */
    private static void awaitSnapshotDone(FerryPipeline p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            assertStillRunning(p);
            if (stack.rest().offsets(p.sourceName()).toString().contains("\\\"done\\\":true")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the source never recorded its snapshot as done: " + stack.rest().offsets(p.sourceName()));
    }

    private static void assertStillRunning(FerryPipeline p) {
        assertThat(stack.rest().status(p.sourceName()).failure()).as("failure of %s", p.sourceName()).isEmpty();
    }


    private static void awaitDestination(String query, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = stack.destination().queryString(query);
                if (expected.equals(last)) {
                    return;
                }
            }
            catch (java.sql.SQLException notThereYet) {
                last = notThereYet.getMessage();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("'" + query + "' returned " + last + ", expected " + expected);
    }
}
