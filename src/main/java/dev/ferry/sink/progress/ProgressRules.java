package dev.ferry.sink.progress;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what of a change batch to apply, from the progress recorded for its source table. These
 * rules make the sink apply every change exactly once however often Kafka delivers it:
 *
 * <ul>
 *   <li>SNAPSHOT_BEGIN with the recorded snapshot id is a duplicate; any other id starts a new
 *       attempt. Under conflict policy {@code fail} that empties the destination table. Under
 *       {@code proceed} the table is never emptied; the first attempt on a table keeps destination
 *       rows with the same key, and a later attempt (after an interrupted one) replaces them, so
 *       rows the earlier attempt copied never hide newer source values.</li>
 *   <li>A snapshot chunk applies only to the recorded, unfinished attempt, and only if its number is
 *       above the last applied chunk.</li>
 *   <li>SNAPSHOT_END of the recorded, unfinished attempt completes it and sets the watermark to the
 *       snapshot's binlog point.</li>
 *   <li>SCHEMA with the recorded snapshot id is a duplicate: its attempt already started, after the
 *       schema step. Any other creates the table when it is missing.</li>
 *   <li>A DDL statement applies only if its position is after the watermark, which then moves to it.</li>
 *   <li>A binlog change, or a cascade a parent's binlog change made, applies only if its position is after the watermark; the watermark then
 *       moves to the last applied change. A table without any progress applies every change.</li>
 * </ul>
 */
public final class ProgressRules {
    private ProgressRules() {
    }

    public static BatchPlan plan(TableProgress current, ChangeBatch batch) {
        return switch (batch.kind()) {
            case SNAPSHOT_BEGIN -> Objects.equals(current.snapshotId(), batch.snapshotId())
                    ? BatchPlan.skip(current)
                    : new BatchPlan(BatchPlan.Action.RESTART_SNAPSHOT, List.of(), current.startSnapshot(batch.snapshotId(),
                            batch.conflictPolicy() == ConflictPolicy.PROCEED && current.untouchedBySnapshots()));
            case SNAPSHOT_END -> isCurrentAttempt(current, batch)
                    ? new BatchPlan(BatchPlan.Action.RECORD_PROGRESS, List.of(), current.finishSnapshot(batch.watermark()))
                    : BatchPlan.skip(current);
            case SCHEMA, OBJECTS -> Objects.equals(current.snapshotId(), batch.snapshotId())
                    ? BatchPlan.skip(current)
                    : new BatchPlan(BatchPlan.Action.CREATE_SCHEMA, List.of(), current);
            case CASCADE -> planChanges(current, batch);
            case DDL -> batch.watermark().isAfter(current.watermark())
                    ? new BatchPlan(BatchPlan.Action.APPLY_DDL, List.of(), current.withWatermark(batch.watermark()))
                    : BatchPlan.skip(current);
            case ROWS -> batch.isSnapshot() ? planChunk(current, batch) : planChanges(current, batch);
        };
    }

    private static boolean isCurrentAttempt(TableProgress current, ChangeBatch batch) {
        return batch.snapshotId().equals(current.snapshotId()) && !current.snapshotDone();
    }

    private static BatchPlan planChunk(TableProgress current, ChangeBatch batch) {
        if (!isCurrentAttempt(current, batch) || batch.chunk() <= current.snapshotChunk()) {
            return BatchPlan.skip(current);
        }
        return new BatchPlan(BatchPlan.Action.APPLY_ROWS, batch.rows(), current.withChunk(batch.chunk()));
    }

    private static BatchPlan planChanges(TableProgress current, ChangeBatch batch) {
        List<RowChange> fresh = new ArrayList<>(batch.rows().size());
        SourcePosition watermark = current.watermark();
        for (RowChange row : batch.rows()) {
            if (row.position() == null) {
                throw new IllegalArgumentException("A binlog change to " + batch.table().id() + " has no source position");
            }
            if (row.position().isAfter(watermark)) {
                fresh.add(row);
                watermark = row.position();
            }
        }
        return fresh.isEmpty()
                ? BatchPlan.skip(current)
                : new BatchPlan(BatchPlan.Action.APPLY_ROWS, fresh, current.withWatermark(watermark));
    }
}
