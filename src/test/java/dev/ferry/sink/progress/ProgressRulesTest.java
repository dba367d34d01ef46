package dev.ferry.sink.progress;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.TestTables;
import dev.ferry.sink.progress.BatchPlan.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressRulesTest {
    private static final TableDef T = TestTables.orders();
    private static final SourcePosition POINT = SourcePosition.snapshotPoint(3, 1000);
    private static final RowChange ROW = RowChange.read(new Object[] {1L, "a", null});

    private static TableProgress inSnapshot(String id, long chunk) {
        return TableProgress.NONE.startSnapshot(id).withChunk(chunk);
    }

    private static RowChange change(long position, int row) {
        return new RowChange(RowOp.INSERT, new SourcePosition(3, position, row, 0), null, new Object[] {position, "x", null});
    }

    @Test
    void theSchemaStepRunsBeforeItsAttemptStartedAndNeverAfter() {
        ChangeBatch schema = ChangeBatch.schema(T, "s2", List.of("CREATE TABLE IF NOT EXISTS `d`.`t` (`id` int)"));
        TableProgress earlier = inSnapshot("s1", 4).finishSnapshot(POINT);
        for (TableProgress before : List.of(TableProgress.NONE, earlier)) {
            BatchPlan plan = ProgressRules.plan(before, schema);
            assertThat(plan.action()).isEqualTo(Action.CREATE_SCHEMA);
            assertThat(plan.next()).isEqualTo(before);
        }
        // A redelivered SCHEMA batch after its SNAPSHOT_BEGIN was applied, even once the table has moved on.
        assertThat(ProgressRules.plan(inSnapshot("s2", 7), schema).action()).isEqualTo(Action.SKIP);
        assertThat(ProgressRules.plan(inSnapshot("s2", 7).finishSnapshot(POINT), schema).action()).isEqualTo(Action.SKIP);
    }

    @Test
    void aDdlStatementAppliesOnceAfterTheWatermark() {
        TableProgress done = inSnapshot("s1", 4).finishSnapshot(POINT);
        ChangeBatch alter = ChangeBatch.ddl(T, new SourcePosition(3, 1500, 0, 0), "ALTER TABLE `d`.`t` ADD COLUMN x INT");
        BatchPlan plan = ProgressRules.plan(done, alter);
        assertThat(plan.action()).isEqualTo(Action.APPLY_DDL);
        assertThat(plan.next().watermark()).isEqualTo(new SourcePosition(3, 1500, 0, 0));
        assertThat(ProgressRules.plan(plan.next(), alter).action()).isEqualTo(Action.SKIP);
        // A statement the snapshot already reflects is not replayed.
        assertThat(ProgressRules.plan(done, ChangeBatch.ddl(T, new SourcePosition(3, 999, 0, 0), "ALTER TABLE `d`.`t` ADD COLUMN x INT"))
                .action()).isEqualTo(Action.SKIP);
    }

    @Test
    void snapshotBeginOfANewAttemptRestartsTheTable() {
        BatchPlan plan = ProgressRules.plan(TableProgress.NONE, ChangeBatch.snapshotBegin(T, "s1"));
        assertThat(plan.action()).isEqualTo(Action.RESTART_SNAPSHOT);
        assertThat(plan.next()).isEqualTo(new TableProgress("s1", -1, false, null));
    }

    @Test
    void snapshotBeginReplacesAnEarlierAttemptAndItsWatermark() {
        TableProgress done = inSnapshot("s1", 4).finishSnapshot(POINT).withWatermark(new SourcePosition(3, 2000, 0, 0));
        BatchPlan plan = ProgressRules.plan(done, ChangeBatch.snapshotBegin(T, "s2"));
        assertThat(plan.action()).isEqualTo(Action.RESTART_SNAPSHOT);
        assertThat(plan.next()).isEqualTo(new TableProgress("s2", -1, false, null));
    }

    @Test
    void underProceedTheFirstAttemptKeepsExistingRowsAndALaterOneReplacesThem() {
        ChangeBatch first = ChangeBatch.snapshotBegin(T, "s1").withConflictPolicy(ConflictPolicy.PROCEED);
        BatchPlan plan = ProgressRules.plan(TableProgress.NONE, first);
        assertThat(plan.action()).isEqualTo(Action.RESTART_SNAPSHOT);
        assertThat(plan.next().keepsExistingRows()).isTrue();
        TableProgress chunkDone = ProgressRules.plan(plan.next(),
                ChangeBatch.snapshotChunk(T, "s1", 0, List.of(ROW)).withConflictPolicy(ConflictPolicy.PROCEED)).next();
        assertThat(chunkDone.keepsExistingRows()).isTrue();

        BatchPlan retry = ProgressRules.plan(chunkDone, ChangeBatch.snapshotBegin(T, "s2").withConflictPolicy(ConflictPolicy.PROCEED));
        assertThat(retry.action()).isEqualTo(Action.RESTART_SNAPSHOT);
        assertThat(retry.next()).isEqualTo(new TableProgress("s2", -1, false, null, false));
        assertThat(ProgressRules.plan(TableProgress.NONE, ChangeBatch.snapshotBegin(T, "s1")).next().keepsExistingRows()).isFalse();
    }

    @Test
    void underProceedAnAttemptInterruptedBeforeItsFirstChunkIsRepeatedAsAFirstAttempt() {
        // The source sends every table's SNAPSHOT_BEGIN before any rows, so a restart often finds a table begun but untouched.
        TableProgress begun = ProgressRules.plan(TableProgress.NONE,
                ChangeBatch.snapshotBegin(T, "s1").withConflictPolicy(ConflictPolicy.PROCEED)).next();
        assertThat(begun.untouchedBySnapshots()).isTrue();
        BatchPlan retry = ProgressRules.plan(begun, ChangeBatch.snapshotBegin(T, "s2").withConflictPolicy(ConflictPolicy.PROCEED));
        assertThat(retry.next()).isEqualTo(new TableProgress("s2", -1, false, null, true));
        // Under fail, or once a chunk was applied, the attempt is a repeat.
        assertThat(ProgressRules.plan(TableProgress.NONE, ChangeBatch.snapshotBegin(T, "s1")).next().untouchedBySnapshots()).isFalse();
        assertThat(begun.withChunk(0).untouchedBySnapshots()).isFalse();
    }

    @Test
    void snapshotBeginOfTheRecordedAttemptIsADuplicate() {
        TableProgress current = inSnapshot("s1", 2);
        BatchPlan plan = ProgressRules.plan(current, ChangeBatch.snapshotBegin(T, "s1"));
        assertThat(plan.action()).isEqualTo(Action.SKIP);
        assertThat(plan.next()).isSameAs(current);
    }

    @Test
    void theNextChunkOfTheCurrentAttemptApplies() {
        BatchPlan plan = ProgressRules.plan(inSnapshot("s1", -1), ChangeBatch.snapshotChunk(T, "s1", 0, List.of(ROW)));
        assertThat(plan.action()).isEqualTo(Action.APPLY_ROWS);
        assertThat(plan.rows()).containsExactly(ROW);
        assertThat(plan.next()).isEqualTo(inSnapshot("s1", 0));
    }

    @Test
    void aRepeatedOrOlderChunkIsSkipped() {
        assertThat(ProgressRules.plan(inSnapshot("s1", 3), ChangeBatch.snapshotChunk(T, "s1", 3, List.of(ROW))).action())
                .isEqualTo(Action.SKIP);
        assertThat(ProgressRules.plan(inSnapshot("s1", 3), ChangeBatch.snapshotChunk(T, "s1", 1, List.of(ROW))).action())
                .isEqualTo(Action.SKIP);
    }

    @Test
    void aChunkOfAnotherAttemptIsSkipped() {
        assertThat(ProgressRules.plan(inSnapshot("s2", -1), ChangeBatch.snapshotChunk(T, "s1", 0, List.of(ROW))).action())
                .isEqualTo(Action.SKIP);
        assertThat(ProgressRules.plan(TableProgress.NONE, ChangeBatch.snapshotChunk(T, "s1", 0, List.of(ROW))).action())
                .isEqualTo(Action.SKIP);
    }

    @Test
    void aChunkAfterTheSnapshotEndedIsSkipped() {
        TableProgress done = inSnapshot("s1", 1).finishSnapshot(POINT);
        assertThat(ProgressRules.plan(done, ChangeBatch.snapshotChunk(T, "s1", 2, List.of(ROW))).action()).isEqualTo(Action.SKIP);
    }

    @Test
    void snapshotEndCompletesTheAttemptAndSetsTheWatermark() {
        BatchPlan plan = ProgressRules.plan(inSnapshot("s1", 1), ChangeBatch.snapshotEnd(T, "s1", 2, POINT));
        assertThat(plan.action()).isEqualTo(Action.RECORD_PROGRESS);
        assertThat(plan.next()).isEqualTo(new TableProgress("s1", 1, true, POINT));
    }

    @Test
    void aRepeatedOrForeignSnapshotEndIsSkipped() {
        TableProgress done = inSnapshot("s1", 1).finishSnapshot(POINT);
        assertThat(ProgressRules.plan(done, ChangeBatch.snapshotEnd(T, "s1", 2, POINT)).action()).isEqualTo(Action.SKIP);
        assertThat(ProgressRules.plan(inSnapshot("s2", 0), ChangeBatch.snapshotEnd(T, "s1", 2, POINT)).action()).isEqualTo(Action.SKIP);
    }

    @Test
    void binlogChangesWithoutAnyProgressAllApply() {
        BatchPlan plan = ProgressRules.plan(TableProgress.NONE, ChangeBatch.changes(T, List.of(change(10, 0), change(10, 1))));
        assertThat(plan.action()).isEqualTo(Action.APPLY_ROWS);
        assertThat(plan.rows()).hasSize(2);
        assertThat(plan.next()).isEqualTo(TableProgress.NONE.withWatermark(new SourcePosition(3, 10, 1, 0)));
    }

    @Test
    void binlogChangesAtOrBeforeTheWatermarkAreSkipped() {
        TableProgress current = TableProgress.NONE.withWatermark(new SourcePosition(3, 10, 0, 0));
        BatchPlan plan = ProgressRules.plan(current, ChangeBatch.changes(T, List.of(change(9, 5), change(10, 0), change(10, 1), change(11, 0))));
        assertThat(plan.rows()).extracting(RowChange::position)
                .containsExactly(new SourcePosition(3, 10, 1, 0), new SourcePosition(3, 11, 0, 0));
        assertThat(plan.next().watermark()).isEqualTo(new SourcePosition(3, 11, 0, 0));
    }

    @Test
    void binlogChangesInsideTheSnapshotAreSkippedThoseAfterItApply() {
        TableProgress done = inSnapshot("s1", 1).finishSnapshot(POINT);
        RowChange before = change(999, 0);
        RowChange atPoint = change(1000, 0);
        BatchPlan plan = ProgressRules.plan(done, ChangeBatch.changes(T, List.of(before, atPoint)));
        assertThat(plan.rows()).containsExactly(atPoint);
        assertThat(plan.next()).isEqualTo(done.withWatermark(atPoint.position()));
    }

    @Test
    void aFullyReplayedBatchIsSkipped() {
        TableProgress current = TableProgress.NONE.withWatermark(new SourcePosition(3, 10, 1, 0));
        BatchPlan plan = ProgressRules.plan(current, ChangeBatch.changes(T, List.of(change(10, 0), change(10, 1))));
        assertThat(plan.action()).isEqualTo(Action.SKIP);
        assertThat(plan.next()).isSameAs(current);
    }

    @Test
    void aBinlogChangeWithoutAPositionIsRefused() {
        ChangeBatch batch = ChangeBatch.changes(T, List.of(ROW));
        assertThatThrownBy(() -> ProgressRules.plan(TableProgress.NONE, batch))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop.orders");
    }
}
