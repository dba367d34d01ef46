package dev.ferry.sink.buffer;

import dev.ferry.core.TableId;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedBufferTest {
    private static final SourcePosition AT = new SourcePosition(1, 4, 0, 0);

    private final KeyedBuffer orders = (KeyedBuffer) TableBuffer.of(TestTables.orders());
    private final KeyedBuffer lines = (KeyedBuffer) TableBuffer.of(TestTables.lines());

    private static Object[] order(long id, String note) {
        return new Object[] {id, note, null};
    }

    private static RowChange insert(Object[] row) {
        return new RowChange(RowOp.INSERT, AT, null, row);
    }

    private static RowChange update(Object[] before, Object[] after) {
        return new RowChange(RowOp.UPDATE, AT, before, after);
    }

    private static RowChange delete(Object[] row) {
        return new RowChange(RowOp.DELETE, AT, row, null);
    }

    @Test
    void snapshotReadsAndInsertsBecomeUpserts() {
        orders.add(RowChange.read(order(1, "a")));
        orders.add(insert(order(2, "b")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).isEmpty();
        assertThat(reduced.upserts()).containsExactly(order(1, "a"), order(2, "b"));
        assertThat(orders.isEmpty()).isTrue();
    }

    @Test
    void snapshotRowsAloneAreKeptInOrderAsAppendedRows() {
        orders.add(RowChange.read(order(2, "b")));
        orders.add(RowChange.read(order(1, "a")));
        assertThat(orders.appendedRows()).isEqualTo(2);
        assertThat(orders.isEmpty()).isFalse();
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).isEmpty();
        assertThat(reduced.upserts()).containsExactly(order(2, "b"), order(1, "a"));
        assertThat(orders.isEmpty()).isTrue();
        assertThat(orders.appendedRows()).isZero();
    }

    @Test
    void aChangeAfterSnapshotRowsReducesThemByKeyAsBefore() {
        orders.add(RowChange.read(order(1, "a")));
        orders.add(RowChange.read(order(2, "b")));
        orders.add(RowChange.read(order(3, "c")));
        orders.add(update(order(1, "a"), order(1, "A")));
        assertThat(orders.appendedRows()).isZero();
        orders.add(delete(order(2, "b")));
        orders.add(RowChange.read(order(4, "d")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {2L});
        assertThat(reduced.upserts()).containsExactly(order(3, "c"), order(1, "A"), order(4, "d"));
        assertThat(orders.isEmpty()).isTrue();
    }

    @Test
    void insertThenUpdatesKeepOnlyTheLastImage() {
        orders.add(insert(order(1, "a")));
        orders.add(update(order(1, "a"), order(1, "b")));
        orders.add(update(order(1, "b"), order(1, "c")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).isEmpty();
        assertThat(reduced.upserts()).containsExactly(order(1, "c"));
    }

    @Test
    void insertThenDeleteIsADelete() {
        orders.add(insert(order(1, "a")));
        orders.add(update(order(1, "a"), order(1, "b")));
        orders.add(delete(order(1, "b")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {1L});
        assertThat(reduced.upserts()).isEmpty();
    }

    @Test
    void deleteThenInsertOfTheSameKeyIsAnUpsert() {
        orders.add(delete(order(1, "a")));
        orders.add(insert(order(1, "z")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).isEmpty();
        assertThat(reduced.upserts()).containsExactly(order(1, "z"));
    }

    @Test
    void anUpdateThatChangesTheKeyDeletesTheOldKey() {
        orders.add(update(order(1, "a"), order(2, "a")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {1L});
        assertThat(reduced.upserts()).containsExactly(order(2, "a"));
    }

    @Test
    void aChainOfKeyChangesDeletesEveryIntermediateKey() {
        orders.add(update(order(1, "a"), order(2, "a")));
        orders.add(update(order(2, "a"), order(3, "b")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {1L}, new Object[] {2L});
        assertThat(reduced.upserts()).containsExactly(order(3, "b"));
    }

    @Test
    void swappingTwoKeysThroughATemporaryKeyRewritesBoth() {
        orders.add(update(order(1, "one"), order(3, "one")));
        orders.add(update(order(2, "two"), order(1, "two")));
        orders.add(update(order(3, "one"), order(2, "one")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {3L});
        assertThat(reduced.upserts()).containsExactly(order(1, "two"), order(2, "one"));
    }

    @Test
    void upsertsFollowTheOrderOfEachKeysLastChange() {
        orders.add(insert(order(1, "a")));
        orders.add(insert(order(2, "b")));
        orders.add(update(order(1, "a"), order(1, "c")));
        assertThat(orders.drain().upserts()).containsExactly(order(2, "b"), order(1, "c"));
    }

    @Test
    void rowsSwappingASecondaryUniqueValueAreBothRewritten() {
        orders.add(update(order(1, "x"), order(1, "tmp")));
        orders.add(update(order(2, "y"), order(2, "x")));
        orders.add(update(order(1, "tmp"), order(1, "y")));
        ReducedChanges reduced = orders.drain();
        assertThat(reduced.deletedKeys()).isEmpty();
        assertThat(reduced.upserts()).containsExactly(order(2, "x"), order(1, "y"));
    }

    @Test
    void compositeKeysCompareEveryKeyColumn() {
        lines.add(insert(new Object[] {1L, 1L, 5L}));
        lines.add(insert(new Object[] {1L, 2L, 6L}));
        lines.add(update(new Object[] {1L, 2L, 6L}, new Object[] {1L, 3L, 6L}));
        lines.add(update(new Object[] {1L, 1L, 5L}, new Object[] {1L, 1L, 7L}));
        ReducedChanges reduced = lines.drain();
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {1L, 2L});
        assertThat(reduced.upserts()).containsExactly(new Object[] {1L, 3L, 6L}, new Object[] {1L, 1L, 7L});
    }

    @Test
    void binaryKeysCompareByContent() {
        TableDef table = new TableDef(new TableId("d", "b"),
                List.of(TestTables.column("k", "varbinary", "varbinary(4)"), TestTables.nullableInt("v")), List.of("k"));
        KeyedBuffer buffer = (KeyedBuffer) TableBuffer.of(table);
        buffer.add(insert(new Object[] {new byte[] {1, 2}, 1L}));
        buffer.add(update(new Object[] {new byte[] {1, 2}, 1L}, new Object[] {new byte[] {1, 2}, 2L}));
        buffer.add(delete(new Object[] {new byte[] {9}, 1L}));
        ReducedChanges reduced = buffer.drain();
        assertThat(reduced.upserts()).containsExactly(new Object[] {new byte[] {1, 2}, 2L});
        assertThat(reduced.deletedKeys()).containsExactly(new Object[] {new byte[] {9}});
    }

    @Test
    void clearForgetsEverything() {
        orders.add(insert(order(1, "a")));
        orders.clear();
        assertThat(orders.isEmpty()).isTrue();
        assertThat(orders.drain().upserts()).isEmpty();
    }

    @Test
    void aMissingImageIsRefusedWithoutShowingValues() {
        assertThatThrownBy(() -> orders.add(new RowChange(RowOp.UPDATE, AT, null, order(1, "secret"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.orders").hasMessageNotContaining("secret");
        assertThat(RowKey.of(order(1, "secret"), new int[] {1}).toString()).doesNotContain("secret");
    }
}
