package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.filter.RowFilter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowFiltersTest {

    @Test
    void entriesSplitOnSemicolonsOutsideQuotes() {
        Map<TableId, RowFilter> filters = RowFilters.parse(
                "shop.orders: status IN ('paid', 'a;b:c') AND created >= '2024-01-01 10:00:00';"
                + " `my.db`.`odd;name`: note = 'it''s; fine' ; ");
        assertThat(filters).containsOnlyKeys(new TableId("shop", "orders"), new TableId("my.db", "odd;name"));
        assertThat(filters.get(new TableId("my.db", "odd;name")).text()).isEqualTo("note = 'it''s; fine'");
        assertThat(filters.get(new TableId("shop", "orders")).text()).contains("'a;b:c'");
    }

    @Test
    void badEntriesNameTheSetting() {
        assertThatThrownBy(() -> RowFilters.parse("shop.orders id = 1")).isInstanceOf(MappingException.class)
                .hasMessageContaining("row.filters").hasMessageContaining("database.table: condition");
        assertThatThrownBy(() -> RowFilters.parse("orders: id = 1")).hasMessageContaining("database.table: condition");
        assertThatThrownBy(() -> RowFilters.parse("shop.orders: id = 1; shop.orders: id = 2")).hasMessageContaining("two filters");
        assertThatThrownBy(() -> RowFilters.parse("shop.orders: id = 1e3")).hasMessageContaining("the filter of shop.orders")
                .hasMessageContaining("exponent");
    }
}
