package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStateTest {

    @Test
    void roundTripsThroughTheOffsetAndStreamsFromTheEarliestPoint() {
        BinlogCoordinates early = new BinlogCoordinates("mysql-bin.000002", 900, "uuid:1-10");
        BinlogCoordinates late = new BinlogCoordinates("mysql-bin.000003", 4, "uuid:1-20");
        SnapshotState state = SnapshotState.empty()
                .withCompleted(new TableId("shop", "a"), early)
                .withCompleted(new TableId("shop", "b"), late);
        SnapshotState restored = SnapshotState.fromOffset(state.toOffset());
        assertThat(restored.isCompleted(new TableId("shop", "a"))).isTrue();
        assertThat(restored.isCompleted(new TableId("shop", "c"))).isFalse();
        assertThat(restored.done()).isFalse();

        SnapshotState done = SnapshotState.fromOffset(restored.finished(late).toOffset());
        assertThat(done.done()).isTrue();
        assertThat(done.streamFrom()).isEqualTo(early);
    }

    @Test
    void theMigrationShapingSettingsTravelThroughEveryStep() {
        SnapshotState state = SnapshotState.empty().withMapping("mapping.databases=shop:shop2")
                .withCompleted(new TableId("shop", "a"), null).finished(null);
        assertThat(SnapshotState.fromOffset(state.toOffset()).mapping()).isEqualTo("mapping.databases=shop:shop2");
        assertThat(SnapshotState.fromOffset(SnapshotState.empty().toOffset()).mapping()).isNull();
    }

    @Test
    void aTableSnapshottedWithoutABinlogPointRoundTrips() {
        SnapshotState state = SnapshotState.empty().withCompleted(new TableId("shop", "a"), null).finished(null);
        SnapshotState restored = SnapshotState.fromOffset(state.toOffset());
        assertThat(restored.isCompleted(new TableId("shop", "a"))).isTrue();
        assertThat(restored.done()).isTrue();
        assertThat(restored.streamFrom()).isNull();
        assertThat(restored.snapshotGtids()).containsEntry(new TableId("shop", "a"), "");
    }

    @Test
    void aMissingOffsetIsAFreshStart() {
        assertThat(SnapshotState.fromOffset(null).done()).isFalse();
        assertThat(SnapshotState.fromOffset(null).completedTables()).isZero();
    }

    @Test
    void withoutTablesTheAttemptsPointIsTheStart() {
        BinlogCoordinates point = new BinlogCoordinates("mysql-bin.000001", 157, "");
        assertThat(SnapshotState.empty().finished(point).streamFrom()).isEqualTo(point);
    }
}
