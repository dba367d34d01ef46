package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.SourceWorkload;
import dev.ferry.testkit.TableComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live database migrated through a real Kafka broker and Connect worker: the sample shop (a
 * composite key, a keyless table, a foreign key, 50,000+ rows) is identical after the snapshot and
 * again after 2,000 mixed statements. One subclass per source version.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEndToEndIT {
    static final String DATABASE = "shop";
    static final int CUSTOMERS = 3_000;
    static final int PAGE_VIEWS = 50_000;
    static final String ATTACHMENTS = "SELECT GROUP_CONCAT(id, ':', LENGTH(body), ':', IFNULL(MD5(body), 'null') ORDER BY id) "
            + "FROM shop.attachments";

    private LocalStack stack;

    abstract MySqlVersion sourceVersion();

    @Test
    void snapshotThenLiveChangesLeaveTheDestinationIdentical() throws Exception {
        stack = ShopStack.withShop(getClass(), sourceVersion(), 11, CUSTOMERS, PAGE_VIEWS);
        // A row larger than Kafka's default 1 MB message limit, in the snapshot and then in the binlog.
        stack.source().execute("CREATE TABLE shop.attachments (id INT PRIMARY KEY, body LONGBLOB)",
                "INSERT INTO shop.attachments VALUES (1, REPEAT(x'00FF', 1500000)), (2, NULL)");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "e2e", DATABASE);
        pipeline.deploy(Map.of(), Map.of());

        PipelineAssertions.awaitIdentical(stack, DATABASE, Duration.ofMinutes(3), pipeline.sourceName(), pipeline.sinkName());
        List<TableComparison.Result> afterSnapshot = PipelineAssertions.compare(stack, DATABASE);
        assertThat(afterSnapshot).filteredOn(r -> r.table().equals("shop.page_views"))
                .singleElement().extracting(TableComparison.Result::destinationRows).isEqualTo((long) PAGE_VIEWS);

        PipelineAssertions.awaitEqual(stack, ATTACHMENTS, Duration.ofMinutes(1));

        try (Connection c = stack.source().openConnection()) {
            int statements = new SourceWorkload(23, CUSTOMERS, PAGE_VIEWS).run(c, DATABASE, 2_000);
            assertThat(statements).isEqualTo(2_000);
        }
        stack.source().execute("UPDATE shop.attachments SET body = REPEAT(x'01', 2500000) WHERE id = 1");
        PipelineAssertions.awaitIdentical(stack, DATABASE, Duration.ofMinutes(3), pipeline.sourceName(), pipeline.sinkName());
        PipelineAssertions.awaitEqual(stack, ATTACHMENTS, Duration.ofMinutes(1));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
