package dev.ferry.core.sql;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlBuilderTest {

    @Test
    void quotesIdentifiersAndDoublesBackticks() {
        String sql = new SqlBuilder().sql("SELECT ").identifiers(List.of("a`b", "select")).sql(" FROM ")
                .table(new TableId("my db", "t`1")).sql(" WHERE x IN (").placeholders(3).sql(")").toString();
        assertThat(sql).isEqualTo("SELECT `a``b`, `select` FROM `my db`.`t``1` WHERE x IN (?, ?, ?)");
    }

    @Test
    void literalsEscapeQuotesBackslashesAndNul() {
        assertThat(new SqlBuilder().literal("it's \\ \0").toString()).isEqualTo("'it''s \\\\ \\0'");
    }
}
