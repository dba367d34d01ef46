package dev.ferry.core.filter;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowFilterTest {
    private static final TableDef T = new TableDef(new TableId("shop", "orders"), List.of(
            col("id", "bigint", "bigint", null, null),                                   // 0
            col("big", "bigint", "bigint unsigned", null, null),                         // 1
            col("amount", "decimal", "decimal(10,2)", null, null),                       // 2
            col("created", "datetime", "datetime(6)", null, null),                       // 3
            col("day", "date", "date", null, null),                                      // 4
            col("code", "varchar", "varchar(10)", "utf8mb4", "utf8mb4_bin"),             // 5
            col("nopad", "varchar", "varchar(10)", "utf8mb4", "utf8mb4_0900_bin"),       // 6
            col("name", "varchar", "varchar(10)", "utf8mb4", "utf8mb4_0900_ai_ci"),      // 7
            col("ratio", "double", "double", null, null),                                // 8
            col("raw", "varbinary", "varbinary(4)", null, null),                         // 9
            col("legacy", "char", "char(4)", "latin1", "latin1_bin"),                    // 10
            col("doc", "json", "json", null, null),                                      // 11
            col("tag", "char", "char(4)", "utf8mb4", "utf8mb4_0900_bin")),               // 12
            List.of("id"));

    private static ColumnDef col(String name, String type, String columnType, String charset, String collation) {
        return new ColumnDef(name, type, columnType, charset, collation, true, null, false);
    }

    private static Object[] row(Object... values) {
        Object[] image = new Object[T.columns().size()];
        System.arraycopy(values, 0, image, 0, values.length);
        return image;
    }

    private static Truth eval(String filter, Object[] image) {
        return RowFilter.parse(filter).bind(T).evaluate(image);
    }

    @Test
    void numbersCompareExactlyAcrossTypes() {
        Object[] r = row(5L, "18446744073709551615", "10.50");
        assertThat(eval("id = 5", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id = 5.0", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id < 5.0000000000000000001", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id > -5", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("5 < id", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("4 < id", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("big = 18446744073709551615", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("big > 18446744073709551614", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("amount = 10.5", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("amount BETWEEN 10.5 AND 10.50", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("amount NOT BETWEEN 1 AND 10.49", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id IN (1, 2, 5)", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id != 5 OR id <> 5", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("id >= +5 AND id <= 5", r)).isEqualTo(Truth.TRUE);
    }

    @Test
    void nullFollowsThreeValuedLogic() {
        Object[] nulls = row(1L);
        assertThat(eval("amount = 1", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("NOT amount = 1", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("amount = 1 OR id = 1", nulls)).isEqualTo(Truth.TRUE);
        assertThat(eval("amount = 1 AND id = 2", nulls)).isEqualTo(Truth.FALSE);
        assertThat(eval("amount = 1 AND id = 1", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("amount IS NULL", nulls)).isEqualTo(Truth.TRUE);
        assertThat(eval("id IS NOT NULL", nulls)).isEqualTo(Truth.TRUE);
        assertThat(eval("id = NULL", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("id IN (1, NULL)", nulls)).isEqualTo(Truth.TRUE);
        assertThat(eval("id IN (2, NULL)", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("id NOT IN (2, NULL)", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("id NOT IN (1, NULL)", nulls)).isEqualTo(Truth.FALSE);
        assertThat(eval("id BETWEEN NULL AND 0", nulls)).isEqualTo(Truth.FALSE);
        assertThat(eval("id BETWEEN NULL AND 5", nulls)).isEqualTo(Truth.UNKNOWN);
        assertThat(RowFilter.parse("amount = 1").bind(T).matches(nulls)).isFalse();
        assertThat(RowFilter.parse("NOT (amount = 1)").bind(T).matches(nulls)).isFalse();
    }

    @Test
    void datesCompareFieldByFieldIncludingZeroDates() {
        Object[] r = row(1L, null, null, "2024-01-01 00:00:00.5", "2024-02-29");
        assertThat(eval("created > '2024-01-01'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("created < '2024-01-01 00:00:00.500001'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("created = '2024-01-01 00:00:00.50'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("day = '2024-02-29'", r)).isEqualTo(Truth.TRUE);
        assertThatThrownBy(() -> eval("day < '2024-02-29 00:00:01'", r)).hasMessageContaining("DATE column with a valid 'YYYY-MM-DD'");
        assertThat(eval("day >= '2024-03-01'", row(1L, null, null, null, "0000-00-00"))).isEqualTo(Truth.FALSE);
        assertThatThrownBy(() -> eval("day = '2023-02-29'", r)).hasMessageContaining("valid 'YYYY-MM-DD' date");
        assertThatThrownBy(() -> eval("created = '2023-02-29 10:00:00'", r)).hasMessageContaining("valid calendar date");
        assertThatThrownBy(() -> eval("created = '2024-1-1'", r)).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> eval("day = 20240101", r)).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void stringsCompareForEqualityUnderBinaryCollations() {
        Object[] r = row(1L, null, null, null, null, "Ab ", "Ab ", null, null, new byte[] {'h', 'i'}, "x");
        assertThat(eval("code = 'Ab'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("code = 'ab'", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("nopad = 'Ab'", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("nopad = 'Ab '", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("code IN ('x', 'Ab  ')", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("raw = 'hi'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("raw = 'hi '", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("`legacy` = 'x'", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("legacy = 'x '", r)).as("latin1_bin pads").isEqualTo(Truth.TRUE);
        Object[] tag = row(1L, null, null, null, null, null, null, null, null, null, null, null, "ab  ");
        assertThat(eval("tag = 'ab'", tag)).as("CHAR values are read without trailing spaces").isEqualTo(Truth.TRUE);
        assertThat(eval("tag = 'ab '", tag)).as("NO PAD keeps the constant's").isEqualTo(Truth.FALSE);
        assertThat(eval("CODE = 'Ab'", r)).as("column names ignore case").isEqualTo(Truth.TRUE);
    }

    @Test
    void whatCannotBeEvaluatedExactlyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> eval("name = 'a'", row())).hasMessageContaining("utf8mb4_0900_ai_ci").hasMessageContaining("_bin");
        assertThatThrownBy(() -> eval("ratio > 1", row())).hasMessageContaining("approximately");
        assertThatThrownBy(() -> eval("doc = '1'", row())).hasMessageContaining("json");
        assertThatThrownBy(() -> eval("code < 'b'", row())).hasMessageContaining("only equality");
        assertThatThrownBy(() -> eval("code = 1", row())).hasMessageContaining("quote the constant");
        assertThatThrownBy(() -> eval("id = '1'", row())).hasMessageContaining("without quotes");
        assertThatThrownBy(() -> eval("legacy = 'é'", row())).hasMessageContaining("latin1");
        assertThatThrownBy(() -> eval("nothing = 1", row())).hasMessageContaining("has no column `nothing`");
        assertThatThrownBy(() -> RowFilter.parse("code LIKE 'a%'")).hasMessageContaining("LIKE").hasMessageContaining("collation");
        assertThatThrownBy(() -> RowFilter.parse("id = 1e3")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> RowFilter.parse("id = 0x10")).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> RowFilter.parse("code = 'a\\'b'")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> RowFilter.parse("code = \"a\"")).hasMessageContaining("ANSI_QUOTES");
        assertThatThrownBy(() -> RowFilter.parse("LOWER(code) = 'a'")).hasMessageContaining("function call");
        assertThatThrownBy(() -> RowFilter.parse("id = id")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> RowFilter.parse("id = 1 -- x")).hasMessageContaining("comments");
        assertThatThrownBy(() -> RowFilter.parse("id + 1 = 2")).hasMessageContaining("'+' is not part of the filter language");
        assertThatThrownBy(() -> RowFilter.parse("t.id = 2")).hasMessageContaining("without its table");
        assertThatThrownBy(() -> RowFilter.parse("(id = 1")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> RowFilter.parse("id = 1 id = 2")).hasMessageContaining("AND, OR or the end");
        assertThatThrownBy(() -> RowFilter.parse("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RowFilter.parse("id <=> 1")).hasMessageContaining("<=>");
        assertThatThrownBy(() -> RowFilter.parse("id = 'open")).hasMessageContaining("not closed");
    }

    @Test
    void theSnapshotQueryGetsTheSameConditionQuotedAndHexEncoded() {
        BoundRowFilter f = RowFilter.parse("(id >= -3 OR code IN ('a''b', NULL)) AND NOT created < '2024-01-01' "
                + "AND raw = 'x' AND amount IS NOT NULL").bind(T);
        assertThat(f.sql()).isEqualTo("(((((`id` >= -3) OR ((`code` = _utf8mb4 X'612762') OR (`code` = NULL))) "
                + "AND (NOT (`created` < _utf8mb4 X'323032342d30312d3031'))) AND (`raw` = X'78')) AND (`amount` IS NOT NULL))");
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        Object[] r = row(1L);
        assertThat(eval("id = 2 AND id = 1 OR id = 1", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("id = 1 OR id = 1 AND id = 2", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("(id = 1 OR id = 1) AND id = 2", r)).isEqualTo(Truth.FALSE);
        assertThat(eval("NOT id = 2 AND id = 1", r)).isEqualTo(Truth.TRUE);
        assertThat(eval("not id in (2, 3) and id between 0 and 1", r)).isEqualTo(Truth.TRUE);
    }
}
