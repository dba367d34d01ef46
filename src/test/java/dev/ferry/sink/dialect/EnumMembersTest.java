package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnumMembersTest {
    private static ColumnDef column(String dataType, String columnType) {
        return new ColumnDef("e", dataType, columnType, "utf8mb4", "utf8mb4_0900_ai_ci", true, null, false);
    }

    @Test
    void readsQuotedMembersWithEscapedQuotesAndCommas() {
        assertThat(EnumMembers.of("enum('a','it''s','x,y','')")).containsExactly("a", "it's", "x,y", "");
        assertThat(EnumMembers.of("set('a')")).containsExactly("a");
    }

    @Test
    void theEmptyStringIsInvalidOnlyInAnEnumWithoutSuchAMember() {
        assertThat(EnumMembers.isInvalidValue(column("enum", "enum('a','b')"), "")).isTrue();
        assertThat(EnumMembers.isInvalidValue(column("enum", "enum('a','')"), "")).isFalse();
        assertThat(EnumMembers.isInvalidValue(column("enum", "enum('a','b')"), "a")).isFalse();
        assertThat(EnumMembers.isInvalidValue(column("set", "set('a','b')"), "")).isFalse();
        assertThat(EnumMembers.isInvalidValue(column("varchar", "varchar(3)"), "")).isFalse();
    }

    @Test
    void aStatementWritingTheInvalidValueGivesUpStrictModeForItselfOnly() {
        TableDef table = new TableDef(new TableId("db", "t"), List.of(TestTables.bigint("id"), column("enum", "enum('a')")),
                List.of("id"));
        WritableColumns columns = WritableColumns.of(table);
        assertThat(EnumMembers.anyInvalidValue(columns, List.<Object[]>of(new Object[] {1L, "a"}, new Object[] {2L, null}))).isFalse();
        assertThat(EnumMembers.anyInvalidValue(columns, List.<Object[]>of(new Object[] {1L, "a"}, new Object[] {2L, ""}))).isTrue();
        assertThat(RowsStatement.replace(table).sql(1, true)).isEqualTo("REPLACE /*+ SET_VAR(sql_mode = "
                + "'NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES,NO_ENGINE_SUBSTITUTION') */ INTO `db`.`t` (`id`, `e`) VALUES (?, ?)");
        assertThat(new KeylessUpdateStatement(table).nonStrictSql()).startsWith("UPDATE /*+ SET_VAR(sql_mode = ")
                .endsWith("*/ `db`.`t` SET `id` = ?, `e` = ? WHERE `id` <=> ? AND CAST(`e` AS BINARY) <=> "
                        + "CAST(CONVERT(? USING `utf8mb4`) AS BINARY) LIMIT 1");
    }
}
