package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Binlog changes against a filter: an update crossing the filter's edge becomes a delete or an insert. */
class MappedTableTest {
    private static final SourcePosition AT = new SourcePosition(1, 100, 0, 0);
    private static final TableDef T = new TableDef(new TableId("shop", "orders"), List.of(
            new ColumnDef("id", "int", "int", null, null, false, null, false),
            new ColumnDef("status", "varchar", "varchar(10)", "utf8mb4", "utf8mb4_bin", true, null, false),
            new ColumnDef("secret", "int", "int", null, null, true, null, false)), List.of("id"));
    private static final MappedTable MAPPED = new ObjectMapping(
            new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(".*\\.secret")),
            NameRules.identity(), RowFilters.parse("shop.orders: status = 'paid'")).map(T);

    private static Object[] row(int id, String status) {
        return new Object[] {(long) id, status, 7L};
    }

    private static RowChange update(Object[] before, Object[] after) {
        return new RowChange(RowOp.UPDATE, AT, before, after);
    }

    @Test
    void updatesInsideStayUpdates() {
        RowChange out = MAPPED.map(update(row(1, "paid"), row(2, "paid")));
        assertThat(out.op()).isEqualTo(RowOp.UPDATE);
        assertThat(out.before()).containsExactly(1L, "paid");
        assertThat(out.after()).containsExactly(2L, "paid");
        assertThat(out.position()).isEqualTo(AT);
    }

    @Test
    void leavingTheFilterDeletesTheOldRow() {
        RowChange out = MAPPED.map(update(row(1, "paid"), row(1, "refunded")));
        assertThat(out.op()).isEqualTo(RowOp.DELETE);
        assertThat(out.before()).containsExactly(1L, "paid");
        assertThat(out.after()).isNull();
    }

    @Test
    void enteringTheFilterInsertsTheNewRow() {
        RowChange out = MAPPED.map(update(row(1, null), row(1, "paid")));
        assertThat(out.op()).isEqualTo(RowOp.INSERT);
        assertThat(out.before()).isNull();
        assertThat(out.after()).containsExactly(1L, "paid");
    }

    @Test
    void changesOutsideTheFilterAreDropped() {
        assertThat(MAPPED.map(update(row(1, "new"), row(1, null)))).isNull();
        assertThat(MAPPED.map(new RowChange(RowOp.INSERT, AT, null, row(1, "new")))).isNull();
        assertThat(MAPPED.map(new RowChange(RowOp.DELETE, AT, row(1, "new"), null))).isNull();
        assertThat(MAPPED.map(new RowChange(RowOp.DELETE, AT, row(1, "paid"), null)).op()).isEqualTo(RowOp.DELETE);
        assertThat(MAPPED.map(new RowChange(RowOp.INSERT, AT, null, row(1, "paid"))).after()).containsExactly(1L, "paid");
    }

    @Test
    void anUpdateOfExcludedColumnsOnlyIsDropped() {
        assertThat(MAPPED.map(update(row(1, "paid"), new Object[] {1L, "paid", 8L}))).isNull();
    }

    @Test
    void withoutFilterOrColumnChangesImagesPassUnchanged() {
        MappedTable plain = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())).map(T);
        Object[] image = row(1, "x");
        assertThat(plain.project(image)).isSameAs(image);
        assertThat(plain.destination()).isEqualTo(T);
    }
}
