package dev.ferry.source;

import dev.ferry.core.event.BatchKind;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.ChangeBatchCodec;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The source alone: what it writes to Kafka for a snapshot followed by binlog changes. */
@Tag("integration")
class SourceConnectorIT {
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "source"));
        stack = LocalStack.builder(work).start();
        FerryPipeline.createUsers(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void snapshotThenBinlogChangesWithPositionsAfterTheSnapshotPoint() throws Exception {
        stack.source().execute("CREATE DATABASE src1",
                "CREATE TABLE src1.t (id INT PRIMARY KEY, f FLOAT, d DOUBLE, dt DATETIME(6), ts TIMESTAMP(3) NULL, b BIT(12), "
                        + "u BIGINT UNSIGNED, j JSON, n DECIMAL(20,5))",
                "INSERT INTO src1.t VALUES (1, 16777217, -0e0, '2024-01-02 03:04:05.123456', '2024-03-10 02:30:00.5', b'101010101010', "
                        + "18446744073709551615, '{\"a\": [1, 2]}', -123.45000)",
                "INSERT INTO src1.t (id) VALUES (2)");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "src1", "src1");
        var source = pipeline.source(Map.of());
        stack.rest().createOrUpdate(source.name(), source.config());
        stack.rest().awaitRunning(source.name(), Duration.ofSeconds(60));

        List<ChangeBatch> batches = consume(pipeline.topicPrefix(), 4, Duration.ofSeconds(60));
        assertThat(batches).extracting(ChangeBatch::kind)
                .containsExactly(BatchKind.SCHEMA, BatchKind.SNAPSHOT_BEGIN, BatchKind.ROWS, BatchKind.SNAPSHOT_END);
        assertThat(batches.get(0).snapshotId()).isEqualTo(batches.get(1).snapshotId());
        assertThat(batches.get(0).statements()).hasSize(2);
        assertThat(batches.get(0).statements().get(0)).startsWith("CREATE DATABASE IF NOT EXISTS `src1`");
        assertThat(batches.get(0).statements().get(1)).startsWith("CREATE TABLE IF NOT EXISTS `src1`.`t` (\n  `id` int(11) NOT NULL,");
        Object[] row = batches.get(2).rows().get(0).after();
        assertThat(row[0]).isEqualTo(1L);
        assertThat(row[1]).isEqualTo(16777216f);
        assertThat(Double.doubleToRawLongBits((Double) row[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(row[3]).isEqualTo("2024-01-02 03:04:05.123456");
        assertThat((byte[]) row[5]).containsExactly(0x0A, 0xAA);
        assertThat(row[6]).isEqualTo("18446744073709551615");
        assertThat(row[8]).isEqualTo("-123.45000");

        stack.source().execute("UPDATE src1.t SET id = 3, f = 0.5 WHERE id = 2", "DELETE FROM src1.t WHERE id = 1");
        // One transaction, two statements on the same table: each row change needs its own position.
        try (java.sql.Connection c = stack.source().openConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO src1.t (id) VALUES (10), (11)");
            c.createStatement().executeUpdate("INSERT INTO src1.t (id) VALUES (12)");
            c.createStatement().executeUpdate("UPDATE src1.t SET n = 1 WHERE id IN (10, 12)");
            c.commit();
        }
        List<RowChange> changes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (changes.size() < 8 && System.nanoTime() < deadline) {
            changes.clear();
            consume(pipeline.topicPrefix(), 5, Duration.ofSeconds(5)).stream().skip(4).forEach(b -> changes.addAll(b.rows()));
        }
        // the key change is a delete and an insert; then a delete; then three inserts and two updates
        assertThat(changes).extracting(RowChange::op).containsExactly(RowOp.DELETE, RowOp.INSERT, RowOp.DELETE,
                RowOp.INSERT, RowOp.INSERT, RowOp.INSERT, RowOp.UPDATE, RowOp.UPDATE);
        assertThat(changes).allMatch(c -> c.position().isAfter(batches.get(3).watermark()));
        assertThat(changes).extracting(RowChange::position).doesNotHaveDuplicates().isSorted();
        Object[] streamed = changes.stream().filter(c -> c.op() == RowOp.DELETE && c.before()[0].equals(1L)).findFirst().orElseThrow().before();
        // JSON travels as text: the binlog's is compact, the server's SELECT adds spaces; the documents are equal.
        assertThat(json(streamed[7])).isEqualTo(json(row[7]));
        streamed[7] = row[7];
        assertThat(streamed).containsExactly(row);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) text);
    }

    private static List<ChangeBatch> consume(String prefix, int atLeast, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        List<ChangeBatch> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "\\.src1\\..*"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(ChangeBatchCodec.decode(r.value()));
                }
            }
        }
        return out;
    }
}
