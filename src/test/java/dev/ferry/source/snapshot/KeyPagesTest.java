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
    void pagesByTheKeyWithTheFilterAndA80FlagPerJsonColumn() {
        ObjectMapping mapping = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of()),
                NameRules.parse("", "", "", "", "", NameCase.KEEP), RowFilters.parse("shop.docs: b = 'x'"));
        TableDef docs = table(List.of("a", "b"), column("a", "int", null), column("b", "varchar", "utf8mb4"), DOC);
        KeyPages pages = KeyPages.of(mapping.map(docs), true);
        String flag = ", (JSON_TYPE(`doc`) IN ('DECIMAL', 'DATE', 'TIME', 'DATETIME') OR EXISTS (SELECT 1 FROM JSON_TABLE("
                + "JSON_EXTRACT(`doc`, '$**.*', '$**[*]'), '$[*]' COLUMNS (v JSON PATH '$')) AS ferry_scalars "
                + "WHERE JSON_TYPE(ferry_scalars.v) IN ('DECIMAL', 'DATE', 'TIME', 'DATETIME')))";
        assertThat(pages.sql(false)).isEqualTo("SELECT `a`, `b`, `doc`" + flag + " FROM `shop`.`docs` WHERE (`b` = _utf8mb4 X'78') "
                + "ORDER BY `a`, `b` LIMIT ?");
        assertThat(pages.sql(true)).isEqualTo("SELECT `a`, `b`, `doc`" + flag + " FROM `shop`.`docs` WHERE (`b` = _utf8mb4 X'78') "
                + "AND (`a`, `b`) > (?, ?) ORDER BY `a`, `b` LIMIT ?");
        assertThat(pages.keyIndexes()).containsExactly(0, 1);
        assertThat(pages.jsonIndexes()).containsExactly(2);
    }

    @Test
    void onMySql57ThereIsNoFlag() {
        KeyPages pages = KeyPages.of(ALL.map(table(List.of("id"), column("id", "bigint", null), DOC)), false);
        assertThat(pages.sql(true)).isEqualTo("SELECT `id`, `doc` FROM `shop`.`docs` WHERE (`id`) > (?) ORDER BY `id` LIMIT ?");
    }

    @Test
    void tablesWithoutJsonOrWithoutAnOrderedKeyAreNotPaged() {
        assertThat(KeyPages.of(ALL.map(table(List.of("id"), column("id", "int", null))), true)).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of(), column("id", "int", null), DOC)), true)).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "varchar", "latin1"), DOC)), true)).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "enum", "utf8mb4"), DOC)), true)).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "double", null), DOC)), true)).isNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "varbinary", null), DOC)), true)).isNotNull();
        assertThat(KeyPages.of(ALL.map(table(List.of("k"), column("k", "datetime", null), DOC)), true)).isNotNull();
    }
}
