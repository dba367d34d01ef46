package dev.ferry.source.stream;

import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourceConnections;
import dev.ferry.source.SourceRecords;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DebeziumRecordTranslatorTest {
    private static final FerrySourceConfig CONFIG = new FerrySourceConfig(Map.of(
            "database.hostname", "db", "database.user", "u", "database.server.id", "9", "topic.prefix", "p",
            "database.include.list", "shop", "schema.history.internal.kafka.bootstrap.servers", "k:9092"));
    private static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final SnapshotCoverage COVERAGE = new SnapshotCoverage(Map.of(new dev.ferry.core.TableId("shop", "t"), UUID + ":1-57"));
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().field("before", ROW).field("after", ROW)
            .field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();

    private static SourceRecord event(String db, long pos) {
        return event(db, pos, null);
    }

    private static SourceRecord event(String db, long pos, String gtid) {
        Struct source = new Struct(SOURCE).put("db", db).put("table", "t").put("gtid", gtid);
        Struct value = new Struct(ENVELOPE).put("source", source).put("op", "c")
                .put("after", new Struct(ROW).put("id", 1));
        return new SourceRecord(Map.of("server", "p"), Map.of("file", "mysql-bin.000001", "pos", pos), "p." + db + ".t", ENVELOPE, value);
    }

    private static DebeziumRecordTranslator translator(Duration interval) {
        SourceRecords records = new SourceRecords(CONFIG);
        return new DebeziumRecordTranslator(records, CONFIG.mapping(), new SourceConnections(CONFIG), COVERAGE, interval);
    }

    @Test
    void onlyUnselectedEventsStillCarryTheirOffsetOnTheLifecycleTopic() {
        List<SourceRecord> out = translator(Duration.ZERO).translate(List.of(event("other", 100), event("other", 200)));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("p.ferry");
            assertThat(r.sourcePartition()).isEqualTo(Map.of("server", "p"));
            assertThat(r.sourceOffset()).isEqualTo(Map.of("file", "mysql-bin.000001", "pos", 200L));
            assertThat(new String((byte[]) r.value(), StandardCharsets.UTF_8)).contains("binlog_progress");
        });
    }

    @Test
    void changesATablesSnapshotAlreadyHoldsAreDropped() {
        List<SourceRecord> out = translator(Duration.ZERO).translate(List.of(event("shop", 100, UUID + ":57")));
        assertThat(out).singleElement().satisfies(r -> assertThat(r.topic()).isEqualTo("p.ferry"));
        assertThat(COVERAGE.covers(new dev.ferry.core.TableId("shop", "t"), UUID + ":58")).isFalse();
        assertThat(COVERAGE.covers(new dev.ferry.core.TableId("shop", "other"), UUID + ":5")).isFalse();
        assertThat(COVERAGE.covers(new dev.ferry.core.TableId("shop", "t"), null)).isFalse();
    }

    @Test
    void progressRecordsAreRateLimited() {
        DebeziumRecordTranslator translator = translator(Duration.ofHours(1));
        assertThat(translator.translate(List.of(event("other", 100)))).isEmpty();
        assertThat(translator.translate(List.of())).isEmpty();
    }
}
