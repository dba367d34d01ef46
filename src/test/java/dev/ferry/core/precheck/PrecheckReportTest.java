package dev.ferry.core.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrecheckReportTest {
    private static final CheckResult PASS = new CheckResult("source.binlog.format", CheckStatus.PASS, "binlog_format is ROW.",
            List.of(), "", Subject.SOURCE_SERVER);
    private static final CheckResult WARN = new CheckResult("source.tables.keyless", CheckStatus.WARN, "2 tables have no key.",
            List.of("shop.log", "shop.audit"), "Add a key.", Subject.SELECTION);
    private static final CheckResult FAIL = new CheckResult("destination.version", CheckStatus.FAIL, "A \"downgrade\".\nNo.",
            List.of("source 8.0.15", "destination 5.7.22"), "Use 8.0.", Subject.DESTINATION_SERVER);
    private static final CheckResult SKIPPED = new CheckResult("destination.space", CheckStatus.SKIPPED, "Not measurable.",
            List.of(), "", Subject.DESTINATION_SERVER);

    @Test
    void nothingBlocksWhenEveryResultPassesOrIsSkipped() {
        PrecheckReport report = new PrecheckReport(List.of(PASS, SKIPPED), Set.of());
        assertThat(report.blocked()).isFalse();
        assertThat(report.exitCode()).isZero();
        assertThat(report.summary()).startsWith("Ferry precheck: 0 failed, 0 warnings, 1 passed, 1 skipped.")
                .endsWith("Nothing blocks the migration.");
    }

    @Test
    void aWarningBlocksUntilItsIdIsAcknowledged() {
        assertThat(new PrecheckReport(List.of(PASS, WARN), Set.of()).exitCode()).isEqualTo(1);
        assertThat(new PrecheckReport(List.of(PASS, WARN), Set.of("source.binlog.format")).blocking()).containsExactly(WARN);
        PrecheckReport acknowledged = new PrecheckReport(List.of(PASS, WARN), Set.of("source.tables.keyless"));
        assertThat(acknowledged.blocked()).isFalse();
        assertThat(acknowledged.exitCode()).isZero();
        assertThat(acknowledged.summary()).contains("1 warning (1 acknowledged)");
    }

    @Test
    void aFailureCannotBeAcknowledged() {
        PrecheckReport report = new PrecheckReport(List.of(FAIL, WARN), Set.of("destination.version", "source.tables.keyless"));
        assertThat(report.blocking()).containsExactly(FAIL);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.isAcknowledged(FAIL)).isFalse();
    }

    @Test
    void theTableHasOneLinePerCheckThenItsDetailAndFix() {
        String table = new PrecheckReport(List.of(PASS, WARN, FAIL), Set.of("source.tables.keyless")).table();
        assertThat(table.lines().toList()).contains(
                "ID                     RESULT     OBJECTS",
                "source.binlog.format   PASS       -",
                "    binlog_format is ROW.",
                "source.tables.keyless  WARN(ack)  shop.log, shop.audit",
                "    Fix: Add a key.",
                "destination.version    FAIL       source 8.0.15, destination 5.7.22",
                "    Fix: Use 8.0.");
        assertThat(table).startsWith("Ferry precheck: 1 failed, 1 warning (1 acknowledged), 1 passed, 0 skipped. "
                + "The migration cannot start");
    }

    @Test
    void manyObjectsAreShortenedInTheTableButKeptInJson() throws Exception {
        List<String> objects = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "db.t" + i).toList();
        CheckResult many = new CheckResult("source.tables.engine", CheckStatus.WARN, "d", objects, "f", Subject.SELECTION);
        PrecheckReport report = new PrecheckReport(List.of(many), Set.of());
        assertThat(report.table()).contains("db.t19 (+5 more)").doesNotContain("db.t20");
        assertThat(new ObjectMapper().readTree(report.json()).path("results").get(0).path("objects").size()).isEqualTo(25);
        assertThat(many.message()).contains("db.t9 and 15 more.");
    }

    @Test
    void jsonIsValidAndCarriesEveryField() throws Exception {
        PrecheckReport report = new PrecheckReport(List.of(PASS, WARN, FAIL), Set.of("source.tables.keyless"));
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.path("blocked").asBoolean()).isTrue();
        assertThat(json.path("exit_code").asInt()).isEqualTo(1);
        JsonNode fail = json.path("results").get(2);
        assertThat(fail.path("id").asText()).isEqualTo("destination.version");
        assertThat(fail.path("status").asText()).isEqualTo("fail");
        assertThat(fail.path("blocks").asBoolean()).isTrue();
        assertThat(fail.path("subject").asText()).isEqualTo("destination_server");
        assertThat(fail.path("detail").asText()).isEqualTo("A \"downgrade\".\nNo.");
        assertThat(fail.path("fix").asText()).isEqualTo("Use 8.0.");
        JsonNode warn = json.path("results").get(1);
        assertThat(warn.path("acknowledged").asBoolean()).isTrue();
        assertThat(warn.path("blocks").asBoolean()).isFalse();
    }

    @Test
    void aResultsMessageNamesIdStatusObjectsAndFix() {
        assertThat(WARN.message()).isEqualTo("[source.tables.keyless] WARN: 2 tables have no key. Objects: shop.log, shop.audit. "
                + "Fix: Add a key.");
        assertThat(PASS.message()).isEqualTo("[source.binlog.format] PASS: binlog_format is ROW.");
    }
}
