package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.NameCase;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.mapping.RowFilters;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPagesTest {
    private static final ColumnDef DOC = new ColumnDef("doc", "json", "json", null, null, true, null, false);
    private static final ObjectMapping ALL = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));

    private static TableDef table(List<String> key, ColumnDef... columns) {
        return new TableDef(new TableId("shop", "docs"), List.of(columns), key);
    }

    private static ColumnDef column(String name, String dataType, String charset) {
        return new ColumnDef(name, dataType, dataType, charset, charset == null ? null : charset + "_bin", false, null, false);
    }

    @Test
    void pagesByTheKeyWithTheFilter() {
        ObjectMapping mapping = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of()),
                NameRules.parse("", "", "", "", "", NameCase.KEEP), RowFilters.parse("shop.docs: b = 'x'"));
        TableDef docs = table(List.of("a", "b"), column("a", "int", null), column("b", "varchar", "utf8mb4"), DOC);
        KeyPages pages = KeyPages.of(mapping.map(docs));
        assertThat(pages.sql(false)).isEqualTo("SELECT `a`, `b`, `doc` FROM `shop`.`docs` WHERE (`b` = _utf8mb4 X'78') "
                + "ORDER BY `a`, `b` LIMIT ?");
        assertThat(pages.sql(true)).isEqualTo("SELECT `a`, `b`, `doc` FROM `shop`.`docs` WHERE (`b` = _utf8mb4 X'78') "
                + "AND (`a`, `b`) > (?, ?) ORDER BY `a`, `b` LIMIT ?");
        assertThat(pages.probeSql(new int[] {0}, List.of(List.of("$.\"a\"", "$[0]")), true)).isEqualTo("SELECT CONCAT_WS(',', "
                + "IFNULL(JSON_TYPE(JSON_EXTRACT(`doc`, _utf8mb4 X'242e226122')), '-'), "
                + "IFNULL(JSON_TYPE(JSON_EXTRACT(`doc`, _utf8mb4 X'245b305d')), '-')) FROM `shop`.`docs` "
                + "WHERE (`b` = _utf8mb4 X'78') AND (`a`, `b`) > (?, ?) AND (`a`, `b`) <= (?, ?) ORDER BY `a`, `b`");
        assertThat(pages.keyIndexes()).containsExactly(0, 1);
        assertThat(pages.jsonIndexes()).containsExactly(2);
    }

    @Test
    void withoutFilter() {
        KeyPages pages = KeyPages.of(ALL.map(table(List.of("id"), column("id", "bigint", null), DOC)));
        assertThat(pages.sql(true)).isEqualTo("SELECT `id`, `doc` FROM `shop`.`docs` WHERE (`id`) > (?) ORDER BY `id` LIMIT ?");
        assertThat(pages.probeSql(new int[] {0}, List.of(List.of("$")), false)).isEqualTo("SELECT CONCAT_WS(',', "
                + "IFNULL(JSON_TYPE(JSON_EXTRACT(`doc`, _utf8mb4 X'24')), '-')) FROM `shop`.`docs` WHERE (`id`) <= (?) ORDER BY `id`");
    }

    @Test
    void tablesWithoutJsonOrWithoutAnOrderedKeyAreNotPaged() {
        assertThat(KeyPages.of(ALL.map(table(List.of("id"), column("id", "int", null))))).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of(), column("id", "int", null), DOC)))).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "varchar", "latin1"), DOC)))).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "enum", "utf8mb4"), DOC)))).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "double", null), DOC)))).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "varbinary", null), DOC)))).isNotNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "datetime", null), DOC)))).isNotNull();
    }
}
