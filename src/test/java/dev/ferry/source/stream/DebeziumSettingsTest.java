package dev.ferry.source.stream;

import io.debezium.relational.history.SchemaHistory;
import org.junit.jupiter.api.Test;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DebeziumSettingsTest {

    /** Ferry's DDL filter is Debezium's default with its entry for views, routines and triggers narrowed to triggers. */
    @Test
    void theDdlFilterIsDebeziumsDefaultLettingViewsAndRoutinesThrough() {
        String debeziums = SchemaHistory.DDL_FILTER.defaultValueAsString();
        assertThat(debeziums).contains(DebeziumSettings.STORED_OBJECTS);
        assertThat(DebeziumSettings.ddlFilter()).isEqualTo(debeziums.replace(DebeziumSettings.STORED_OBJECTS, "(TRIGGER)") + ","
                + DebeziumSettings.RECORDED_VIEW);
    }

    /**
     * Debezium reads the filter under its internal key ("internal." in front): the key a user would guess,
     * schema.history.internal.ddl.filter, is not the one Debezium reads, which is why these statements never
     * arrived before. The filter Debezium builds from Ferry's settings lets a view statement through.
     */
    @Test
    void debeziumReadsTheFilterFerrySets() {
        assertThat(SchemaHistory.DDL_FILTER.name()).isEqualTo("internal.schema.history.internal.ddl.filter");
        io.debezium.connector.mysql.MySqlConnectorConfig config = new io.debezium.connector.mysql.MySqlConnectorConfig(
                io.debezium.config.Configuration.from(java.util.Map.of(SchemaHistory.DDL_FILTER.name(), DebeziumSettings.ddlFilter(),
                        "topic.prefix", "ferry", "database.server.id", "1")));
        Predicate<String> filter = config.ddlFilter();
        assertThat(filter.test("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`127.0.0.1` SQL SECURITY DEFINER VIEW `d`.`v` AS "
                + "SELECT 1 AS x")).isFalse();
        assertThat(filter.test("GRANT SELECT ON *.* TO u")).isTrue();
    }

    /** The binlog's own spelling of view and routine statements passes Ferry's filter (Debezium's default drops it); triggers do not. */
    @Test
    void viewRoutineAndTriggerStatementsPassTheFilter() {
        Predicate<String> ferrys = matchesAny(DebeziumSettings.ddlFilter());
        Predicate<String> debeziums = matchesAny(SchemaHistory.DDL_FILTER.defaultValueAsString());
        for (String ddl : new String[] {
                "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1",
                "CREATE DEFINER=`root`@`%` PROCEDURE `p`() SELECT 1",
                "DROP FUNCTION IF EXISTS f", "ALTER VIEW v AS SELECT 2"}) {
            assertThat(ferrys.test(ddl)).as(ddl).isFalse();
            assertThat(debeziums.test(ddl)).as(ddl).isTrue();
        }
        assertThat(ferrys.test("CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1")).isTrue();
        assertThat(ferrys.test("GRANT SELECT ON *.* TO u")).isTrue();
        assertThat(ferrys.test("CREATE USER u")).isTrue();
        // As Debezium records a view's statement in its history, which its parser cannot read back on recovery.
        assertThat(ferrys.test("OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`127.0.0.1` SQL SECURITY DEFINER VIEW `d`.`v` AS "
                + "SELECT 1")).isTrue();
        assertThat(ferrys.test("ALGORITHM=UNDEFINED DEFINER='a b'@'%' SQL SECURITY DEFINER VIEW `d`.`v` AS\nSELECT 1")).isTrue();
        assertThat(ferrys.test("CREATE TABLE view_log (id INT)")).isFalse();
        assertThat(ferrys.test("ALTER TABLE t ADD COLUMN definer INT")).isFalse();
    }

    /** As Debezium reads the filter: comma-separated regular expressions, case-insensitive, any of which matches whole. */
    private static Predicate<String> matchesAny(String filter) {
        Pattern[] patterns = java.util.Arrays.stream(filter.split(","))
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.DOTALL)).toArray(Pattern[]::new);
        return ddl -> java.util.Arrays.stream(patterns).anyMatch(p -> p.matcher(ddl).matches());
    }
}
