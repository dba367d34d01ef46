package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.bind.LoadDataText;
import dev.ferry.sink.dialect.WritableColumns;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDataRowsTest {
    private static final WritableColumns COLUMNS = WritableColumns.of(new TableDef(new TableId("d", "t"), List.of(
            new ColumnDef("id", "bigint", "bigint", null, null, false, null, false),
            new ColumnDef("v", "text", "text", "utf8mb4", "utf8mb4_general_ci", true, null, false)), List.of("id")));

    private static List<Object[]> rows(int count, int valueLength) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < count; id++) {
            rows.add(new Object[] {id, "x".repeat(valueLength)});
        }
        return rows;
    }

    private static String expected(List<Object[]> rows) {
        StringBuilder out = new StringBuilder();
        for (Object[] row : rows) {
            out.append(row[0]).append('\t').append(row[1]).append('\n');
        }
        return out.toString();
    }

    @Test
    void streamsEveryRowInPiecesWhenTheyFit() throws IOException {
        List<Object[]> rows = rows(5000, 100);
        LoadDataRows stream = new LoadDataRows(new LoadDataText(), COLUMNS, rows, Long.MAX_VALUE);
        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected(rows));
        assertThat(stream.rows()).isEqualTo(5000);
        assertThat(stream.read()).isEqualTo(-1);
    }

    @Test
    void endsAtARowBoundaryOnceTheLoadIsFull() throws IOException {
        List<Object[]> rows = rows(5000, 100);
        LoadDataRows stream = new LoadDataRows(new LoadDataText(), COLUMNS, rows, 200_000);
        String loaded = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        int carried = stream.rows();
        // Rows of 102 to 105 bytes: the load stops with the first row that reaches 200,000 bytes.
        assertThat(loaded.length()).isBetween(200_000, 200_000 + 105);
        assertThat(loaded.length() - expected(rows.subList(carried - 1, carried)).length()).isLessThan(200_000);
        assertThat(loaded).isEqualTo(expected(rows.subList(0, carried)));
    }

    @Test
    void aRowLargerThanTheLoadStillGoesAlone() throws IOException {
        List<Object[]> rows = rows(3, 300_000);
        LoadDataRows stream = new LoadDataRows(new LoadDataText(), COLUMNS, rows, 100_000);
        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected(rows.subList(0, 1)));
        assertThat(stream.rows()).isEqualTo(1);
    }

    @Test
    void renderingWhatTheServerNeverReadAdvancesToTheSameBoundary() throws IOException {
        List<Object[]> rows = rows(5000, 100);
        LoadDataRows read = new LoadDataRows(new LoadDataText(), COLUMNS, rows, 200_000);
        read.readAllBytes();
        LoadDataRows unread = new LoadDataRows(new LoadDataText(), COLUMNS, rows, 200_000);
        unread.read(new byte[10], 0, 10);
        unread.renderAll();
        assertThat(unread.rows()).isEqualTo(read.rows());
    }

    @Test
    void aTypedJsonDocumentIsItsTextWithItsScalarsLiteralsAfterTheRow() throws IOException {
        WritableColumns columns = WritableColumns.of(new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("id", "bigint", "bigint", null, null, false, null, false),
                new ColumnDef("doc", "json", "json", null, null, true, null, false)), List.of("id")));
        String typed = TypedJson.valueOf("{\"p\": 1.50, \"d\": \"2020-01-31\"}", List.of(
                new TypedJson.Scalar("$.p", "DECIMAL(3,2)", "1.50"), new TypedJson.Scalar("$.d", "DATE", "2020-01-31")));
        List<Object[]> rows = List.of(new Object[] {1L, typed}, new Object[] {2L, typed});
        LoadDataRows stream = new LoadDataRows(new LoadDataText(), columns, rows, Long.MAX_VALUE);
        String row = "{\"p\": 1.50, \"d\": \"2020-01-31\"}\t1.50\t2020-01-31\n";
        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1\t" + row + "2\t" + row);
        assertThat(LoadDataWriter.shapeOf(columns, rows.get(0))).containsExactly(List.of(),
                List.of(new TypedJson.Scalar("$.p", "DECIMAL(3,2)", ""), new TypedJson.Scalar("$.d", "DATE", "")));
        assertThat(LoadDataWriter.shapeOf(columns, new Object[] {3L, "{}"})).containsExactly(List.of(), List.of());
        // Text that starts like an encoded document is only text outside JSON columns.
        Object[] text = {4L, "\0not json"};
        assertThat(LoadDataWriter.shapeOf(COLUMNS, text)).containsExactly(List.of(), List.of());
        assertThat(new String(new LoadDataRows(new LoadDataText(), COLUMNS, List.<Object[]>of(text), Long.MAX_VALUE).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo("4\t\\0not json\n");
    }
}
