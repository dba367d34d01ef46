package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionedDefinitionTest {
    private static final TableId ID = new TableId("shop", "t");
    private static final ColumnDef ID_COLUMN = new ColumnDef("id", "int", "int(11)", null, null, false, null, false);

    private static ColumnDef text(String charset, String collation) {
        return new ColumnDef("v", "varchar", "varchar(20)", charset, collation, true, null, false);
    }

    private static Schema row(String charsetAtEvent) {
        SchemaBuilder v = SchemaBuilder.bytes().optional();
        if (charsetAtEvent != null) {
            v.parameter(RawCharacterConverter.CHARSET_PARAMETER, charsetAtEvent);
        }
        return SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).field("v", v.build()).build();
    }

    @Test
    void aDefinitionWithTheEventsCharacterSetsMatchesAndIsKept() {
        TableDef now = new TableDef(ID, List.of(ID_COLUMN, text("latin1", "latin1_swedish_ci")), List.of("id"));

        assertThat(PositionedDefinition.matches(now, row("latin1"))).isTrue();
        assertThat(PositionedDefinition.at(now, row("latin1"))).isSameAs(now);
        assertThat(PositionedDefinition.matches(now, row("LATIN1"))).isTrue();
    }

    @Test
    void aCharacterSetChangedAfterTheEventIsTakenFromTheEvent() {
        TableDef now = new TableDef(ID, List.of(ID_COLUMN, text("utf8mb4", "utf8mb4_0900_ai_ci")), List.of("id"));

        assertThat(PositionedDefinition.matches(now, row("latin1"))).isFalse();
        assertThat(PositionedDefinition.sameNames(now, row("latin1"))).isTrue();
        TableDef atEvent = PositionedDefinition.at(now, row("latin1"));
        ColumnDef v = atEvent.columns().get(1);
        assertThat(v.charset()).isEqualTo("latin1");
        assertThat(v.collation()).isNull();
        assertThat(v.textAsBytes()).isTrue();
        assertThat(atEvent.keyColumns()).containsExactly("id");
        assertThat(PositionedDefinition.matches(atEvent, row("latin1"))).isTrue();
    }

    @Test
    void utf8AndUtf8mb3AreOneCharacterSet() {
        TableDef now = new TableDef(ID, List.of(ID_COLUMN, text("utf8", "utf8_general_ci")), List.of("id"));

        assertThat(PositionedDefinition.matches(now, row("utf8mb3"))).isTrue();
        assertThat(PositionedDefinition.at(now, row("utf8mb3"))).isSameAs(now);
    }

    @Test
    void aRowSchemaWithoutCharacterSetsChecksNamesOnly() {
        TableDef now = new TableDef(ID, List.of(ID_COLUMN, text("utf8mb4", "utf8mb4_bin")), List.of("id"));

        assertThat(PositionedDefinition.matches(now, row(null))).isTrue();
        Schema renamed = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("w", Schema.OPTIONAL_BYTES_SCHEMA).build();
        assertThat(PositionedDefinition.matches(now, renamed)).isFalse();
        assertThat(PositionedDefinition.sameNames(now, renamed)).isFalse();
    }

    @Test
    void characterDataAtTheEventInAColumnThatIsNoLongerTextStops() {
        ColumnDef nowInt = new ColumnDef("v", "int", "int(11)", null, null, true, null, false);
        TableDef now = new TableDef(ID, List.of(ID_COLUMN, nowInt), List.of("id"));

        assertThat(PositionedDefinition.matches(now, row("latin1"))).isFalse();
        assertThatThrownBy(() -> PositionedDefinition.at(now, row("latin1")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("shop.t").hasMessageContaining("column v").hasMessageContaining("latin1")
                .hasMessageContaining("int(11)");
    }
}
