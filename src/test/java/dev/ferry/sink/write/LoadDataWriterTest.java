package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.dialect.WritableColumns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDataWriterTest {
    private static final TableDef TABLE = new TableDef(new TableId("d", "t"), List.of(
            new ColumnDef("id", "bigint", "bigint", null, null, false, null, false),
            new ColumnDef("u", "varchar", "varchar(9)", "utf8mb4", "utf8mb4_general_ci", true, null, false),
            new ColumnDef("l", "varchar", "varchar(9)", "latin1", "latin1_swedish_ci", true, null, false)), List.of("id"));

    @Test
    void loadsOnlyWhenEveryByteCarriedTextValueIsBytes() {
        WritableColumns columns = WritableColumns.of(TABLE);
        assertThat(LoadDataWriter.textBytesEverywhere(columns, List.of(
                new Object[] {1L, "é", new byte[] {(byte) 0xE9}}, new Object[] {2L, null, null}))).isTrue();
        // A decoded string in a latin1 column has no exact bytes for UNHEX: the run goes to statements.
        assertThat(LoadDataWriter.textBytesEverywhere(columns, List.of(
                new Object[] {1L, "é", new byte[] {(byte) 0xE9}}, new Object[] {2L, "x", "é"}))).isFalse();
    }
}
