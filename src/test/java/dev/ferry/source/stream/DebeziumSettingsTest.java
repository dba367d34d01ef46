package dev.ferry.source.stream;

import io.debezium.relational.history.SchemaHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DebeziumSettingsTest {

    /** Ferry's DDL filter is Debezium's default without views, procedures and functions: a Debezium upgrade that changes it fails here. */
    @Test
    void theDdlFilterIsDebeziumsDefaultLettingViewsAndRoutinesThrough() {
        String debeziums = SchemaHistory.DDL_FILTER.defaultValueAsString();
        assertThat(debeziums).contains("(VIEW|FUNCTION|PROCEDURE|TRIGGER)");
        assertThat(DebeziumSettings.DDL_FILTER).isEqualTo(debeziums.replace("(VIEW|FUNCTION|PROCEDURE|TRIGGER)", "(TRIGGER)"));
    }
}
