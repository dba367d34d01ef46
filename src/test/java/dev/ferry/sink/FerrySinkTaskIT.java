package dev.ferry.sink;

import dev.ferry.core.TableId;
import dev.ferry.core.event.CascadeRule;
import dev.ferry.core.event.CascadeStep;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.ChangeBatchCodec;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task and the connector's live validation against a real MySQL 8.0 server, without a Connect worker. */
@Tag("integration")
class FerrySinkTaskIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static MySqlServer mysql;

    private final FerrySinkTask task = new FerrySinkTask();
    private String db;

    @BeforeAll
    static void startServer() throws IOException {
        mysql = MySqlServer.start(MySqlVersion.V8_0, Files.createDirectories(Path.of("target", "sink-task-it")));
    }

    @AfterAll
    static void stopServer() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @BeforeEach
    void database() {
        db = "task_it_" + NEXT.incrementAndGet();
    }

    @AfterEach
    void stopTask() {
        task.stop();
    }

    private Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("name", db);
        props.put("connection.url", mysql.jdbcUrl());
        props.put("connection.username", mysql.rootUser());
        props.put("connection.password", mysql.rootPassword());
        return props;
    }

    private TableDef items() {
        return new TableDef(new TableId(db, "items"), List.of(TestTables.bigint("id"),
                new ColumnDef("note", "varchar", "varchar(20)", "utf8mb4", "utf8mb4_bin", true, null, false)), List.of("id"));
    }

    private static SinkRecord record(long offset, Object value) {
        return new SinkRecord("ferry.changes", 3, null, null, Schema.OPTIONAL_BYTES_SCHEMA, value, offset);
    }

    private static byte[] insert(TableDef table, long position, long id, String note) {
        return ChangeBatchCodec.encode(ChangeBatch.changes(table, List.of(
                new RowChange(RowOp.INSERT, new SourcePosition(1, position, 0, 0), null, new Object[] {id, note}))));
    }

    @Test
    void appliesBatchesFromBytesAndByteBuffersAndSkipsTombstones() throws Exception {
        task.initialize(new RecordingTaskContext(false));
        task.start(props());
        task.put(List.of(record(0, insert(items(), 10, 1, "a")), record(1, null),
                record(2, ByteBuffer.wrap(insert(items(), 20, 2, "b")))));
        task.put(List.of(record(0, insert(items(), 10, 1, "a")), record(2, ByteBuffer.wrap(insert(items(), 20, 2, "b")))));
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id, note ORDER BY id) FROM " + db + ".items")).isEqualTo("1a,2b");
    }

    @Test
    void aTableMovedBetweenTasksByARebalanceIsNotAppliedTwice() throws Exception {
        TableDef keyless = new TableDef(new TableId(db, "events"), items().columns(), List.of());
        task.initialize(new RecordingTaskContext(false));
        task.start(props());
        task.put(List.of(record(0, insert(keyless, 10, 1, "a"))));

        // The partition moves to another task, which applies the next change, then comes back.
        FerrySinkTask other = new FerrySinkTask();
        other.initialize(new RecordingTaskContext(false));
        other.start(props());
        other.open(List.of(new TopicPartition("ferry.changes", 3)));
        other.put(List.of(record(1, insert(keyless, 20, 2, "b"))));
        other.close(List.of(new TopicPartition("ferry.changes", 3)));
        other.stop();

        task.close(List.of(new TopicPartition("ferry.changes", 3)));
        task.open(List.of(new TopicPartition("ferry.changes", 3)));
        task.put(List.of(record(1, insert(keyless, 20, 2, "b")), record(2, insert(keyless, 30, 3, "c"))));
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id, note ORDER BY id) FROM " + db + ".events")).isEqualTo("1a,2b,3c");
    }

    @Test
    void aCascadeLevelWaitingForAnotherTopicHoldsOnlyItsPartitionAndNeverCommitsPastIt() throws Exception {
        TableDef b = new TableDef(new TableId(db, "b"), List.of(TestTables.bigint("id"), TestTables.nullableInt("a_id")), List.of("id"));
        TableDef c = new TableDef(new TableId(db, "c"), List.of(TestTables.bigint("id"), TestTables.nullableInt("b_id")), List.of("id"));
        TopicPartition bTopic = new TopicPartition("ferry.b", 0);
        TopicPartition cTopic = new TopicPartition("ferry.c", 0);
        RecordingTaskContext context = new RecordingTaskContext(false);
        task.initialize(context);
        task.start(props());
        task.put(List.of(on(bTopic, 0, ChangeBatch.changes(b, List.of(inserted(10, 1L, 1L), inserted(11, 2L, 2L)))),
                on(cTopic, 0, ChangeBatch.changes(c, List.of(inserted(12, 10L, 1L), inserted(13, 20L, 2L))))));
        SourcePosition bStep = new SourcePosition(1, 100, 0, 2);
        ChangeBatch level = ChangeBatch.cascadeLevel(c, new SourcePosition(1, 100, 0, 3), new CascadeStep(b.id(), bStep,
                List.of(new CascadeRule(List.of("b_id"), List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NONE)),
                List.of(), List.of(), 0));

        // c's level waits for b's, which has not arrived: c is held (paused, polled again soon), its offset not committed.
        task.put(List.of(on(cTopic, 1, level), on(cTopic, 2, ChangeBatch.changes(c, List.of(inserted(101, 30L, 1L))))));
        assertThat(context.paused).containsExactly(cTopic);
        assertThat(context.timeouts).isNotEmpty();
        assertThat(task.preCommit(Map.of(cTopic, new OffsetAndMetadata(3)))).containsEntry(cTopic, new OffsetAndMetadata(1));
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM " + db + ".c")).isEqualTo("10,20");
        task.put(List.of());
        assertThat(context.paused).containsExactly(cTopic);

        // b's level arrives: both land, in order, and c is resumed.
        task.put(List.of(on(bTopic, 1, ChangeBatch.cascade(b, List.of("a_id"), List.of(new RowChange(RowOp.DELETE, bStep,
                new Object[] {null, 1L}, null)), new CascadeStep(null, null, List.of(), List.of(), List.of("id"), 1)))));
        assertThat(context.paused).isEmpty();
        assertThat(task.preCommit(Map.of(cTopic, new OffsetAndMetadata(3)))).containsEntry(cTopic, new OffsetAndMetadata(3));
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id, ':', b_id ORDER BY id) FROM " + db + ".c")).isEqualTo("20:2,30:1");
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM " + db + ".b")).isEqualTo("2");
    }

    private static SinkRecord on(TopicPartition partition, long offset, ChangeBatch batch) {
        return new SinkRecord(partition.topic(), partition.partition(), null, null, Schema.OPTIONAL_BYTES_SCHEMA,
                ChangeBatchCodec.encode(batch), offset);
    }

    private static RowChange inserted(long position, Object... row) {
        return new RowChange(RowOp.INSERT, new SourcePosition(1, position, 0, 0), null, row);
    }

    @Test
    void aPutLargerThanTransactionMaxBytesCommitsInSlicesAndARedeliveryAppliesNothingTwice() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".events (id BIGINT, note VARCHAR(3))");
        TableDef keyless = new TableDef(new TableId(db, "events"), items().columns(), List.of());
        task.initialize(new RecordingTaskContext(false));
        Map<String, String> props = props();
        props.put("transaction.max.bytes", "1");
        task.start(props);
        // One slice per record: the first two are committed before the third fails.
        List<SinkRecord> records = List.of(record(0, insert(keyless, 10, 1, "a")),
                record(1, ByteBuffer.wrap(insert(keyless, 20, 2, "b"))), record(2, insert(keyless, 30, 3, "TOO-LONG")));
        assertThatThrownBy(() -> task.put(records)).isInstanceOf(ConnectException.class).hasMessageContaining("1406");
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id, note ORDER BY id) FROM " + db + ".events")).isEqualTo("1a,2b");

        // Connect hands the same records again (the third one fixed upstream, say): the keyless rows are not doubled.
        task.put(List.of(records.get(0), records.get(1), record(2, insert(keyless, 30, 3, "c"))));
        assertThat(mysql.queryString("SELECT GROUP_CONCAT(id, note ORDER BY id) FROM " + db + ".events")).isEqualTo("1a,2b,3c");
    }

    @Test
    void aMalformedRecordFailsTheTaskNamingWhereItIs() {
        task.initialize(new RecordingTaskContext(true));
        task.start(props());
        assertThatThrownBy(() -> task.put(List.of(record(41, new byte[] {1, 2, 3}))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic ferry.changes, partition 3, offset 41");
    }

    @Test
    void aMalformedRecordGoesToTheReporterWhenErrorsAreTolerated() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(true);
        task.initialize(context);
        Map<String, String> props = props();
        props.put("errors.tolerance", "all");
        task.start(props);
        SinkRecord bad = record(5, "not bytes");
        task.put(List.of(bad, record(6, insert(items(), 10, 1, "a"))));
        assertThat(context.reported).containsExactly(bad);
        assertThat(mysql.queryString("SELECT COUNT(*) FROM " + db + ".items")).isEqualTo("1");
    }

    @Test
    void aPermanentWriteErrorFailsTheTaskWithoutRowValues() throws Exception {
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id BIGINT PRIMARY KEY, note VARCHAR(3))");
        RecordingTaskContext context = new RecordingTaskContext(false);
        task.initialize(context);
        task.start(props());
        assertThatThrownBy(() -> task.put(List.of(record(0, insert(items(), 10, 1, "TOO-LONG-SECRET")))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("upsert on `" + db + "`.`items`").hasMessageContaining("1406")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(t.toString()).doesNotContain("TOO-LONG-SECRET");
                    }
                });
        assertThat(context.timeouts).isEmpty();
    }

    @Test
    void validationPassesForAUsableServer() {
        Map<String, String> props = props();
        props.put("state.database", db + "_state");
        Config config = new FerrySinkConnector().validate(props);
        assertThat(config.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void validationReportsAWrongPasswordOnTheUser() {
        Map<String, String> props = props();
        props.put("connection.password", "wrong");
        Map<String, ConfigValue> values = byName(new FerrySinkConnector().validate(props));
        assertThat(values.get("connection.username").errorMessages()).singleElement().asString().contains("refused user 'root'");
        assertThat(values.get("connection.url").errorMessages()).isEmpty();
    }

    @Test
    void validationReportsAUserThatCannotCreateTheStateDatabase() throws Exception {
        String user = db + "_ro";
        mysql.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON *.* TO '" + user + "'@'%'");
        Map<String, String> props = props();
        props.put("connection.username", user);
        props.put("connection.password", "pw");
        props.put("state.database", db + "_state");
        Map<String, ConfigValue> values = byName(new FerrySinkConnector().validate(props));
        assertThat(values.get("state.database").errorMessages()).singleElement().asString()
                .contains("[destination.privileges] FAIL", "lacks privileges the sink needs",
                        "GRANT INSERT, UPDATE, DELETE, CREATE ON `" + db + "_state`.* TO '" + user + "'@'%';");
        assertThat(values.get("connection.username").errorMessages()).isEmpty();
    }

    private static Map<String, ConfigValue> byName(Config config) {
        Map<String, ConfigValue> values = new HashMap<>();
        config.configValues().forEach(v -> values.put(v.name(), v));
        return values;
    }
}
