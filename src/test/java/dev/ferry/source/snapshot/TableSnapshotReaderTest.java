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

class TableSnapshotReaderTest {
    private static final TableDef ORDERS = new TableDef(new TableId("shop", "orders"), List.of(
            new ColumnDef("id", "int", "int", null, null, false, null, false),
            new ColumnDef("secret", "varchar", "varchar(5)", "utf8mb4", "utf8mb4_bin", true, null, false),
            new ColumnDef("created", "datetime", "datetime", null, null, true, null, false),
            new ColumnDef("status", "varchar", "varchar(5)", "utf8mb4", "utf8mb4_bin", true, null, false)), List.of("id"));

    @Test
    void readsTheSelectedColumnsBySourceNameWithTheFilterAsWhereClause() {
        ObjectMapping mapping = new ObjectMapping(
                new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(), List.of("shop\\.orders\\.secret")),
                NameRules.parse("shop:s2", "", "shop.orders.status:state", "", "", NameCase.KEEP),
                RowFilters.parse("shop.orders: status = 'ok' AND secret IS NULL"));
        assertThat(TableSnapshotReader.selectSql(mapping.map(ORDERS))).isEqualTo("SELECT `id`, CAST(`created` AS CHAR), `status` "
                + "FROM `shop`.`orders` WHERE ((`status` = _utf8mb4 X'6f6b') AND (`secret` IS NULL))");
    }

    @Test
    void withoutMappingTheWholeTableIsRead() {
        ObjectMapping mapping = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));
        assertThat(TableSnapshotReader.selectSql(mapping.map(ORDERS)))
                .isEqualTo("SELECT `id`, `secret`, CAST(`created` AS CHAR), `status` FROM `shop`.`orders`");
    }
}
