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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot starts while the source is busy: every change either is in the snapshot or arrives
 * through the binlog, never both and never neither, so the keyless table ends without a duplicate or
 * a missing row and every keyed row is right.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotUnderLoadIT {
    private static final String DATABASE = "shop";
    private static final int CUSTOMERS = 2_000;
    private static final int PAGE_VIEWS = 20_000;

    private LocalStack stack;

    @Test
    void aSnapshotTakenUnderWritesMeetsTheBinlogExactly() throws Exception {
        stack = ShopStack.withShop(getClass(), MySqlVersion.V8_0, 3, CUSTOMERS, PAGE_VIEWS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger statements = new AtomicInteger();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            SourceWorkload workload = new SourceWorkload(17, CUSTOMERS, PAGE_VIEWS);
            try (Connection c = stack.source().openConnection()) {
                while (!stop.get()) {
                    statements.addAndGet(workload.run(c, DATABASE, 20));
                }
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (statements.get() < 200) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "load", DATABASE);
        pipeline.deploy(Map.of(), Map.of());
        int atDeploy = statements.get();
        while (statements.get() < atDeploy + 3_000 && !load.isDone()) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        stop.set(true);
        load.get(1, TimeUnit.MINUTES);
        assertThat(statements.get()).isGreaterThan(atDeploy + 2_000);

        PipelineAssertions.awaitIdentical(stack, DATABASE, Duration.ofMinutes(3), pipeline.sourceName(), pipeline.sinkName());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
