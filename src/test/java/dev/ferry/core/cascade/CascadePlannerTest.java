package dev.ferry.core.cascade;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.mapping.NameCase;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.ForeignKey.Action;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CascadePlannerTest {
    private static final TableId PARENT = new TableId("s", "parent");
    private static final TableId CHILD = new TableId("s", "child");
    private static final TableDef PARENT_DEF = new TableDef(PARENT, List.of(column("id"), column("code"), column("note")), List.of("id"));
    private static final SourcePosition AT = new SourcePosition(1, 100, 0, 0);
    private static final ObjectMapping ALL = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));

    private static ColumnDef column(String name) {
        return new ColumnDef(name, "int", "int", null, null, true, null, false);
    }

    private static ForeignKey key(String column, String referenced, Action onDelete, Action onUpdate) {
        return new ForeignKey("fk_" + column, CHILD, List.of(column), PARENT, List.of(referenced), onDelete, onUpdate);
    }

    private static RowChange change(RowOp op, Object[] before, Object[] after) {
        return new RowChange(op, AT, before, after);
    }

    @Test
    void aDeleteCascadesOrSetsNullPerKey() {
        CascadePlanner planner = new CascadePlanner(List.of(key("pid", "id", Action.CASCADE, Action.NONE),
                key("pcode", "code", Action.SET_NULL, Action.NONE)), ALL);
        List<Cascade> out = planner.cascades(PARENT_DEF, change(RowOp.DELETE, new Object[] {1L, 7L, "n"}, null));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).op()).isEqualTo(RowOp.DELETE);
        assertThat(out.get(0).oldValues()).containsExactly(1L);
        assertThat(out.get(1).op()).isEqualTo(RowOp.UPDATE);
        assertThat(out.get(1).oldValues()).containsExactly(7L);
        assertThat(out.get(1).newValues()).containsExactly((Object) null);
    }

    @Test
    void anUpdateCascadesOnlyWhenTheReferencedColumnsChange() {
        CascadePlanner planner = new CascadePlanner(List.of(key("pid", "id", Action.NONE, Action.CASCADE)), ALL);
        assertThat(planner.cascades(PARENT_DEF, change(RowOp.UPDATE, new Object[] {1L, 7L, "a"}, new Object[] {1L, 7L, "b"}))).isEmpty();
        List<Cascade> out = planner.cascades(PARENT_DEF, change(RowOp.UPDATE, new Object[] {1L, 7L, "a"}, new Object[] {2L, 7L, "a"}));
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.op()).isEqualTo(RowOp.UPDATE);
            assertThat(c.oldValues()).containsExactly(1L);
            assertThat(c.newValues()).containsExactly(2L);
        });
        assertThat(planner.cascades(PARENT_DEF, change(RowOp.DELETE, new Object[] {1L, 7L, "a"}, null))).isEmpty();
        assertThat(planner.cascades(PARENT_DEF, change(RowOp.INSERT, null, new Object[] {1L, 7L, "a"}))).isEmpty();
    }

    @Test
    void aNullReferenceAndAChildNotMigratedCascadeNothing() {
        CascadePlanner planner = new CascadePlanner(List.of(key("pcode", "code", Action.CASCADE, Action.CASCADE)), ALL);
        assertThat(planner.cascades(PARENT_DEF, change(RowOp.DELETE, new Object[] {1L, null, "a"}, null))).isEmpty();
        ObjectMapping parentOnly = new ObjectMapping(new TableSelection(List.of(), List.of("s\\.parent"), List.of()),
                NameRules.identity(), Map.of());
        CascadePlanner none = new CascadePlanner(List.of(key("pcode", "code", Action.CASCADE, Action.CASCADE)), parentOnly);
        assertThat(none.hasChildren(PARENT)).isFalse();
        ObjectMapping columnLeftOut = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("s\\.child\\.pcode")), NameRules.parse("", "", "", "", "", NameCase.KEEP), Map.of());
        assertThat(new CascadePlanner(List.of(key("pcode", "code", Action.CASCADE, Action.NONE)), columnLeftOut).hasChildren(PARENT)).isFalse();
    }

    @Test
    void theChildChangeHoldsOnlyTheReferencingColumns() {
        TableDef child = new TableDef(CHILD, List.of(column("id"), column("ref_a"), column("x"), column("ref_b")), List.of("id"));
        ForeignKey composite = new ForeignKey("fk", CHILD, List.of("ref_a", "ref_b"), PARENT, List.of("id", "code"),
                Action.CASCADE, Action.CASCADE);
        RowChange update = new Cascade(composite, RowOp.UPDATE, new Object[] {1L, 2L}, new Object[] {3L, 4L})
                .toChildChange(child, List.of("ref_a", "ref_b"), AT);
        assertThat(update.before()).containsExactly(null, 1L, null, 2L);
        assertThat(update.after()).containsExactly(null, 3L, null, 4L);
        RowChange delete = new Cascade(composite, RowOp.DELETE, new Object[] {1L, 2L}, null).toChildChange(child, List.of("ref_a", "ref_b"), AT);
        assertThat(delete.after()).isNull();
        assertThat(delete.position()).isEqualTo(AT);
    }
}
