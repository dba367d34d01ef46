package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.SourceWorkload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connect worker process is SIGKILLed three times (while the snapshot lands, and twice while
 * changes stream) and restarted; the destination still ends identical to the source, the keyless
 * table included, so nothing was lost or applied twice.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerCrashIT {
    private static final String DATABASE = "shop";
    private static final int CUSTOMERS = 2_000;
    private static final int PAGE_VIEWS = 30_000;
    private static final int STATEMENTS = 3_000;

    private LocalStack stack;

    @Test
    void killingTheWorkerAnywhereLosesAndDuplicatesNothing() throws Exception {
        stack = ShopStack.withShop(getClass(), MySqlVersion.V8_0, 5, CUSTOMERS, PAGE_VIEWS);
        stack.source().execute("CREATE TABLE shop.markers (id INT PRIMARY KEY)");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "crash", DATABASE);
        pipeline.deploy(Map.of(), Map.of());

        awaitDestination("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop'", 1);
        killAndRestartWorker();

        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> runWorkload(done));
        // Kill while the workload's changes are flowing through: some applied, more on the way.
        awaitDestination("SELECT COUNT(*) FROM shop.markers", 8);
        killAndRestartWorker();
        awaitDestination("SELECT COUNT(*) FROM shop.markers", 25);
        killAndRestartWorker();
        workload.get(5, TimeUnit.MINUTES);
        assertThat(done.get()).isEqualTo(STATEMENTS);
        assertThat(stack.source().queryString("SELECT COUNT(*) FROM shop.markers")).isEqualTo(String.valueOf(STATEMENTS / 50));

        PipelineAssertions.awaitIdentical(stack, DATABASE, Duration.ofMinutes(4), pipeline.sourceName(), pipeline.sinkName());
    }

    private void runWorkload(AtomicInteger done) {
        SourceWorkload workload = new SourceWorkload(99, CUSTOMERS, PAGE_VIEWS);
        try (Connection c = stack.source().openConnection()) {
            for (int batch = 1; done.get() < STATEMENTS; batch++) {
                done.addAndGet(workload.run(c, DATABASE, 50));
                c.createStatement().execute("INSERT INTO shop.markers VALUES (" + batch + ")");
                Thread.sleep(250);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDestination(String countQuery, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (Connection c = stack.destination().openConnection(); var rs = c.createStatement().executeQuery(countQuery)) {
                rs.next();
                if (rs.getLong(1) >= atLeast) {
                    return;
                }
            }
            catch (java.sql.SQLSyntaxErrorException notYetCreated) {
                // the table has not reached the destination yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + countQuery + "' did not reach " + atLeast + " on the destination within 3 minutes");
    }

    private void killAndRestartWorker() {
        stack.connect().kill();
        stack.connect().restart();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
