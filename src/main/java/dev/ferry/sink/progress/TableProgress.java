package dev.ferry.sink.progress;

import dev.ferry.core.event.SourcePosition;

/**
 * How far one source table has been applied to the destination, as recorded in the progress table
 * in the same transaction as the rows.
 *
 * @param snapshotId the snapshot attempt being or last applied, or null
 * @param snapshotChunk the last applied chunk of that attempt, or -1
 * @param snapshotDone whether that attempt's snapshot is complete
 * @param watermark the source position of the last applied change, or null when none applies yet
 */
public record TableProgress(String snapshotId, long snapshotChunk, boolean snapshotDone, SourcePosition watermark) {

    /** A table nothing was applied to yet. */
    public static final TableProgress NONE = new TableProgress(null, -1, false, null);

    /** A new snapshot attempt: no chunk applied, no watermark. */
    public TableProgress startSnapshot(String id) {
        return new TableProgress(id, -1, false, null);
    }

    public TableProgress withChunk(long chunk) {
        return new TableProgress(snapshotId, chunk, snapshotDone, watermark);
    }

    public TableProgress finishSnapshot(SourcePosition snapshotWatermark) {
        return new TableProgress(snapshotId, snapshotChunk, true, snapshotWatermark);
    }

    public TableProgress withWatermark(SourcePosition position) {
        return new TableProgress(snapshotId, snapshotChunk, snapshotDone, position);
    }
}
