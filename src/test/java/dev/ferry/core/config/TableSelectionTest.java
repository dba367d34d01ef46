package dev.ferry.core.config;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSelectionTest {

    @Test
    void databasesIncludePatternsAndExcludes() {
        TableSelection s = new TableSelection(List.of("shop"), List.of("shop\\.order.*", "shop\\.customers"), List.of(".*_old"));
        assertThat(s.includes(new TableId("shop", "orders"))).isTrue();
        assertThat(s.includes(new TableId("shop", "customers"))).isTrue();
        assertThat(s.includes(new TableId("shop", "orders_old"))).isFalse();
        assertThat(s.includes(new TableId("shop", "payments"))).isFalse();
        assertThat(s.includes(new TableId("crm", "orders"))).isFalse();
    }

    @Test
    void withoutDatabasesEverythingButSystemSchemas() {
        TableSelection s = new TableSelection(List.of(), List.of(), List.of());
        assertThat(s.includes(new TableId("app", "t"))).isTrue();
        assertThat(s.includes(new TableId("mysql", "user"))).isFalse();
        assertThat(s.includes(new TableId("performance_schema", "threads"))).isFalse();
    }

    @Test
    void patternsMatchTheWholeName() {
        TableSelection s = new TableSelection(List.of(), List.of("shop\\.a"), List.of());
        assertThat(s.includes(new TableId("shop", "ab"))).isFalse();
    }

    @Test
    void databasePatternsExcludesAndColumns() {
        TableSelection s = new TableSelection(List.of("shop.*"), List.of("shop_old"), List.of(), List.of("shop\\.tmp_.*"),
                List.of(), List.of("shop\\.customers\\.(ssn|card)", ".*\\.internal_.*"));
        assertThat(s.includesDatabase("shop_eu")).isTrue();
        assertThat(s.includesDatabase("shop_old")).isFalse();
        assertThat(s.includesDatabase("crm")).isFalse();
        assertThat(s.includes(new TableId("shop", "tmp_x"))).isFalse();
        assertThat(s.includesColumn(new TableId("shop", "customers"), "ssn")).isFalse();
        assertThat(s.includesColumn(new TableId("shop", "customers"), "name")).isTrue();
        assertThat(s.includesColumn(new TableId("shop_eu", "orders"), "internal_flag")).isFalse();
        assertThat(s.selectsWholeDatabase("shop")).isFalse();
        assertThat(s.databasePatterns()).containsExactly("shop.*");

        TableSelection only = new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of("shop\\.t\\.(id|a)"), List.of());
        assertThat(only.includesColumn(new TableId("shop", "t"), "a")).isTrue();
        assertThat(only.includesColumn(new TableId("shop", "t"), "b")).isFalse();
        assertThat(new TableSelection(List.of("shop"), List.of(), List.of()).selectsWholeDatabase("shop")).isTrue();
    }

    @Test
    void conflictPolicyParses() {
        assertThat(ConflictPolicy.parse(" Proceed ")).isEqualTo(ConflictPolicy.PROCEED);
        assertThat(ConflictPolicy.FAIL.configValue()).isEqualTo("fail");
        assertThatThrownBy(() -> ConflictPolicy.parse("ignore")).hasMessageContaining("use fail or proceed");
    }

    @Test
    void migrationTypesParse() {
        assertThat(MigrationType.parseList("full, incremental")).containsExactlyInAnyOrder(MigrationType.FULL, MigrationType.INCREMENTAL);
        assertThatThrownBy(() -> MigrationType.parseList(" , ")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> MigrationType.parseList("full,everything")).isInstanceOf(IllegalArgumentException.class);
    }
}
