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

/** {@link CascadePlanner#chain}: which levels a parent change reaches, under which keys, recording which columns. */
class CascadeChainTest {
    private static final TableId A = new TableId("s", "a");
    private static final TableId B = new TableId("s", "b");
    private static final TableId C = new TableId("s", "c");
    private static final TableId D = new TableId("s", "d");
    private static final TableDef A_DEF = new TableDef(A, List.of(column("id"), column("note")), List.of("id"));
    private static final SourcePosition AT = new SourcePosition(1, 100, 0, 0);
    private static final ObjectMapping ALL = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));

    private static ColumnDef column(String name) {
        return new ColumnDef(name, "int", "int", null, null, true, null, false);
    }

    private static ForeignKey key(String name, TableId child, List<String> columns, TableId parent, List<String> referenced,
                                  Action onDelete, Action onUpdate) {
        return new ForeignKey(name, child, columns, parent, referenced, onDelete, onUpdate);
    }

    private static RowChange delete() {
        return new RowChange(RowOp.DELETE, AT, new Object[] {1L, 2L}, null);
    }

    @Test
    void aDeleteCascadesThroughEveryLevelOfAChainRecordingWhatTheNextReferences() {
        CascadePlanner planner = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.CASCADE, Action.NONE),
                key("c_b", C, List.of("b_code"), B, List.of("code"), Action.CASCADE, Action.NONE),
                key("d_c", D, List.of("c_id"), C, List.of("id"), Action.CASCADE, Action.NONE)), ALL);
        List<ChainStep> chain = planner.chain(A_DEF, delete());
        assertThat(chain).extracting(ChainStep::table).containsExactly(B, C, D);
        assertThat(chain).extracting(ChainStep::parent).containsExactly(-1, 0, 1);
        assertThat(chain).extracting(ChainStep::level).containsExactly(1, 2, 3);
        assertThat(chain.get(0).first().op()).isEqualTo(RowOp.DELETE);
        assertThat(chain.get(0).recorded()).containsExactly("code");
        assertThat(chain.get(1).keys()).extracting(ForeignKey::name).containsExactly("c_b");
        assertThat(chain.get(1).recorded()).containsExactly("id");
        assertThat(chain.get(2).recorded()).isEmpty();
    }

    @Test
    void setNullInTheMiddleContinuesOnlyIntoKeysOnTheNulledColumns() {
        CascadePlanner planner = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.SET_NULL, Action.NONE),
                // references B's nulled column: its ON UPDATE fires
                key("c_b", C, List.of("b_a_id", "b_id"), B, List.of("a_id", "id"), Action.CASCADE, Action.CASCADE),
                // references B's key, which SET NULL does not change: nothing
                key("d_b", D, List.of("b_id"), B, List.of("id"), Action.CASCADE, Action.NONE)), ALL);
        List<ChainStep> chain = planner.chain(A_DEF, delete());
        assertThat(chain).extracting(ChainStep::table).containsExactly(B, C);
        assertThat(chain.get(0).first().op()).isEqualTo(RowOp.UPDATE);
        assertThat(chain.get(0).recorded()).containsExactly("a_id", "id");
        assertThat(chain.get(1).keys()).extracting(ForeignKey::name).containsExactly("c_b");
    }

    @Test
    void aKeyUpdateCascadesThroughCompositeKeysThatIncludeTheUpdatedColumns() {
        CascadePlanner planner = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.CASCADE, Action.CASCADE),
                key("c_b", C, List.of("a_id", "b_num"), B, List.of("a_id", "num"), Action.CASCADE, Action.CASCADE),
                key("d_b", D, List.of("b_num"), B, List.of("num"), Action.CASCADE, Action.CASCADE)), ALL);
        RowChange rekey = new RowChange(RowOp.UPDATE, AT, new Object[] {1L, 2L}, new Object[] {9L, 2L});
        List<ChainStep> chain = planner.chain(A_DEF, rekey);
        // b.num does not change when a.id does: d_b does not fire, c_b does.
        assertThat(chain).extracting(ChainStep::table).containsExactly(B, C);
        assertThat(planner.chain(A_DEF, new RowChange(RowOp.UPDATE, AT, new Object[] {1L, 2L}, new Object[] {1L, 3L}))).isEmpty();
    }

    @Test
    void aTreeFiresItsOwnKeysInsideTheStepAndContinuesIntoTablesReferencingIt() {
        CascadePlanner planner = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.CASCADE, Action.NONE),
                key("b_parent", B, List.of("parent_id"), B, List.of("id"), Action.CASCADE, Action.NONE),
                key("b_buddy", B, List.of("buddy_id"), B, List.of("id"), Action.SET_NULL, Action.NONE),
                key("c_b", C, List.of("b_id"), B, List.of("id"), Action.CASCADE, Action.NONE)), ALL);
        List<ChainStep> chain = planner.chain(A_DEF, delete());
        assertThat(chain).extracting(ChainStep::table).containsExactly(B, C);
        assertThat(chain.get(0).selfKeys()).extracting(ForeignKey::name).containsExactly("b_parent", "b_buddy");
        assertThat(chain.get(0).recorded()).containsExactly("id");
    }

    @Test
    void aCycleOfTablesStopsAtInnoDbsDepthLimitAndAnUnmigratedReferencedColumnStopsTheChain() {
        CascadePlanner cycle = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.CASCADE, Action.NONE),
                key("a_b", A, List.of("b_id"), B, List.of("id"), Action.CASCADE, Action.NONE)), ALL);
        List<ChainStep> chain = cycle.chain(A_DEF, delete());
        assertThat(chain).hasSize(CascadePlanner.MAX_DEPTH);
        assertThat(chain.get(chain.size() - 1).recorded()).isEmpty();

        ObjectMapping withoutCode = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("s\\.b\\.code")), NameRules.parse("", "", "", "", "", NameCase.KEEP), Map.of());
        CascadePlanner cut = new CascadePlanner(List.of(
                key("b_a", B, List.of("a_id"), A, List.of("id"), Action.CASCADE, Action.NONE),
                key("c_b", C, List.of("b_code"), B, List.of("code"), Action.CASCADE, Action.NONE)), withoutCode);
        assertThat(cut.chain(A_DEF, delete())).extracting(ChainStep::table).containsExactly(B);
    }
}
