package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectMappingTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final TableDef ORDERS_DEF = new TableDef(ORDERS, List.of(column("id"), column("note"), column("secret"),
            new ColumnDef("total", "int", "int", null, null, true, "(`id` * 2)", true)), List.of("id"));

    private static ColumnDef column(String name) {
        return new ColumnDef(name, "int", "int", null, null, !name.equals("id"), null, false);
    }

    private static TableSelection all() {
        return new TableSelection(List.of(), List.of(), List.of());
    }

    private static ObjectMapping names(String databases, String tables, String columns, String prefix, String suffix, NameCase nameCase) {
        return new ObjectMapping(all(), NameRules.parse(databases, tables, columns, prefix, suffix, nameCase), Map.of());
    }

    @Test
    void aRenamedDatabaseTakesAllItsTablesAlong() {
        ObjectMapping m = names("shop:shop_v2, crm:`c.r,m`", "", "", "", "", NameCase.KEEP);
        assertThat(m.destinationOf(ORDERS)).isEqualTo(new TableId("shop_v2", "orders"));
        assertThat(m.destinationOf(new TableId("crm", "leads"))).isEqualTo(new TableId("c.r,m", "leads"));
        assertThat(m.destinationOf(new TableId("other", "t"))).isEqualTo(new TableId("other", "t"));
    }

    @Test
    void explicitTableNamesWinAndKeepTheDatabaseMappingWhenUnqualified() {
        ObjectMapping m = names("shop:shop_v2", "shop.orders:purchases, shop.lines:archive.Lines", "", "old_", "_x", NameCase.LOWER);
        assertThat(m.destinationOf(ORDERS)).isEqualTo(new TableId("shop_v2", "purchases"));
        assertThat(m.destinationOf(new TableId("shop", "lines"))).isEqualTo(new TableId("archive", "Lines"));
        assertThat(m.destinationOf(new TableId("shop", "Customers"))).isEqualTo(new TableId("shop_v2", "old_customers_x"));
        assertThat(m.destinationOf(new TableId("CRM", "T"))).isEqualTo(new TableId("crm", "old_t_x"));
    }

    @Test
    void casePoliciesApplyToDerivedNamesOnly() {
        ObjectMapping upper = names("", "", "shop.orders.note:Remark", "", "", NameCase.UPPER);
        assertThat(upper.destinationOf(ORDERS)).isEqualTo(new TableId("SHOP", "ORDERS"));
        assertThat(upper.destinationColumn(ORDERS, "note")).isEqualTo("Remark");
        assertThat(upper.destinationColumn(ORDERS, "id")).isEqualTo("ID");
        assertThat(names("", "", "", "", "", NameCase.KEEP).destinationColumn(ORDERS, "Id")).isEqualTo("Id");
    }

    @Test
    void mapRenamesSelectsColumnsAndKeepsTheKey() {
        ObjectMapping m = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(), List.of("shop\\.orders\\.secret")),
                NameRules.parse("shop:s2", "", "shop.orders.note:remark", "", "", NameCase.KEEP), Map.of());
        MappedTable mapped = m.map(ORDERS_DEF);
        assertThat(mapped.destination().id()).isEqualTo(new TableId("s2", "orders"));
        assertThat(mapped.destination().columns()).extracting(ColumnDef::name).containsExactly("id", "remark", "total");
        assertThat(mapped.destination().keyColumns()).containsExactly("id");
        assertThat(mapped.sourceIndexes()).containsExactly(0, 1, 3);
        assertThat(mapped.project(new Object[] {1L, 2L, 3L, null})).containsExactly(1L, 2L, null);
        assertThat(m.selectedColumns(ORDERS, ORDERS_DEF.columns())).extracting(ColumnDef::name).containsExactly("id", "note", "total");
    }

    @Test
    void aKeyColumnCannotBeLeftOut() {
        ObjectMapping m = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(".*\\.note"), List.of()),
                NameRules.identity(), Map.of());
        assertThatThrownBy(() -> m.map(ORDERS_DEF)).isInstanceOf(MappingException.class)
                .hasMessageContaining("shop.orders.id is part of the key").extracting(e -> ((MappingException) e).configKey())
                .isEqualTo("column.exclude.list");
    }

    @Test
    void aGeneratedColumnNeedsItsInputsUnderTheirNames() {
        ObjectMapping renamed = names("", "", "shop.orders.id:order_id", "", "", NameCase.KEEP);
        assertThatThrownBy(() -> renamed.map(ORDERS_DEF)).hasMessageContaining("Generated column shop.orders.total is computed from id");
    }

    @Test
    void twoColumnsOnOneNameAreAnErrorNamingBoth() {
        ObjectMapping m = names("", "", "shop.orders.note:SECRET", "", "", NameCase.KEEP);
        assertThatThrownBy(() -> m.map(ORDERS_DEF)).isInstanceOf(MappingException.class)
                .hasMessageContaining("shop.orders.note and shop.orders.secret").hasMessageContaining("ignore case");
    }

    @Test
    void invalidDestinationNamesAreErrorsNamingTheObject() {
        ObjectMapping longName = names("", "", "", "p".repeat(60), "", NameCase.KEEP);
        assertThatThrownBy(() -> longName.map(ORDERS_DEF)).hasMessageContaining("table shop.orders")
                .hasMessageContaining("66 characters").hasMessageContaining("at most 64");
        ObjectMapping trailing = names("shop:`shop `", "", "", "", "", NameCase.KEEP);
        assertThatThrownBy(() -> trailing.map(ORDERS_DEF)).hasMessageContaining("cannot end with a space");
    }

    @Test
    void checkFindsCollisionsAndUnknownObjects() {
        TableDef a = new TableDef(new TableId("a", "t"), List.of(column("id")), List.of("id"));
        TableDef b = new TableDef(new TableId("b", "t"), List.of(column("id")), List.of("id"));
        ObjectMapping m = new ObjectMapping(new TableSelection(List.of("a", "b", "nope"), List.of("a\\.t", "b\\..*", "a\\.zz"), List.of()),
                NameRules.parse("a:merged, b:merged, gone:x", "a.missing:y", "b.t.nothing:z", "", "", NameCase.KEEP),
                RowFilters.parse("a.t2: id = 1"));
        List<MappingProblem> problems = m.check(List.of("a", "b"), List.of(a.id(), b.id(), new TableId("a", "t2")), List.of(a, b));
        // Unmatched include patterns ('nope', a\.zz) are the precheck's source.selection.exists, where they can be acknowledged.
        assertThat(problems).extracting(MappingProblem::configKey).containsExactlyInAnyOrder(
                "mapping.databases", "mapping.tables", "row.filters", "mapping.columns", "mapping.tables");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("Source tables a.t and b.t both map to destination table merged.t"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("Table b.t has no column nothing"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("Table a.t2 named in row.filters is not selected"));
    }

    @Test
    void wholeDatabaseSelectionIsWhatCarriesViewsAndRoutines() {
        assertThat(ObjectMapping.of(new TableSelection(List.of("shop"), List.of(), List.of())).isWholeDatabaseSelected("shop")).isTrue();
        assertThat(ObjectMapping.of(new TableSelection(List.of("shop"), List.of("shop\\.orders"), List.of())).isWholeDatabaseSelected("shop")).isFalse();
        assertThat(ObjectMapping.of(new TableSelection(List.of("shop"), List.of(), List.of(), List.of(), List.of(), List.of("shop\\.t\\.c")))
                .isWholeDatabaseSelected("shop")).isFalse();
        assertThat(new ObjectMapping(new TableSelection(List.of("shop"), List.of(), List.of()), NameRules.identity(),
                RowFilters.parse("shop.orders: id > 1")).isWholeDatabaseSelected("shop")).isFalse();
    }

    @Test
    void settingsWithBadSyntaxNameTheirKey() {
        assertThatThrownBy(() -> NameRules.parse("shop", "", "", "", "", NameCase.KEEP)).isInstanceOf(MappingException.class)
                .hasMessageContaining("mapping.databases").hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> NameRules.parse("", "shop:x", "", "", "", NameCase.KEEP))
                .hasMessageContaining("is not of the form database.table:destination_database.destination_table");
        assertThatThrownBy(() -> NameRules.parse("", "", "a.b.c:d, a.b.c:e", "", "", NameCase.KEEP)).hasMessageContaining("renamed twice");
        assertThatThrownBy(() -> NameRules.parse("`a:b", "", "", "", "", NameCase.KEEP)).hasMessageContaining("unclosed backtick");
        assertThatThrownBy(() -> NameCase.parse("title")).hasMessageContaining("keep, lower or upper");
    }

    @Test
    void mySqlNameRules() {
        assertThat(MySqlNames.problem("ok name.with,chars")).isNull();
        assertThat(MySqlNames.problem("x".repeat(64))).isNull();
        assertThat(MySqlNames.problem("é".repeat(64))).isNull();
        assertThat(MySqlNames.problem("x".repeat(65))).contains("65 characters");
        assertThat(MySqlNames.problem("")).contains("empty");
        assertThat(MySqlNames.problem("a\0b")).contains("NUL");
        assertThat(MySqlNames.problem("emoji😀")).contains("Basic Multilingual Plane");
    }
}
