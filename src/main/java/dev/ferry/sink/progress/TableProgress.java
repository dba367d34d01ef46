package dev.ferry.sink.progress;

import dev.ferry.core.event.SourcePosition;

/**
 * How far one destination table has been applied, as recorded in the progress table in the same
 * transaction as the rows.
 *
 * @param snapshotId the snapshot attempt being or last applied, or null
 * @param snapshotChunk the last applied chunk of that attempt, or -1
 * @param snapshotDone whether that attempt's snapshot is complete
 * @param watermark the source position of the last applied change, or null when none applies yet
 * @param keepsExistingRows whether that attempt's rows leave alone a destination row with the same key
 *        (conflict policy {@code proceed}, first attempt on the table) instead of replacing it
 */
public record TableProgress(String snapshotId, long snapshotChunk, boolean snapshotDone, SourcePosition watermark,
                            boolean keepsExistingRows) {

    /** A table nothing was applied to yet. */
    public static final TableProgress NONE = new TableProgress(null, -1, false, null, false);

    public TableProgress(String snapshotId, long snapshotChunk, boolean snapshotDone, SourcePosition watermark) {
        this(snapshotId, snapshotChunk, snapshotDone, watermark, false);
    }

    /** A new snapshot attempt whose rows replace destination rows with the same key: no chunk applied, no watermark. */
    public TableProgress startSnapshot(String id) {
        return startSnapshot(id, false);
    }

    /** A new snapshot attempt: no chunk applied, no watermark. */
    public TableProgress startSnapshot(String id, boolean keepExisting) {
        return new TableProgress(id, -1, false, null, keepExisting);
    }

    /**
     * Whether the destination still holds only what it held before any snapshot attempt: nothing was
     * applied yet, or a first attempt under conflict policy {@code proceed} was interrupted before its
     * first chunk. A new attempt may then keep existing rows as the first one would have.
     */
    public boolean untouchedBySnapshots() {
        return equals(NONE) || (keepsExistingRows && !snapshotDone && snapshotChunk < 0 && watermark == null);
    }

    public TableProgress withChunk(long chunk) {
        return new TableProgress(snapshotId, chunk, snapshotDone, watermark, keepsExistingRows);
    }

    public TableProgress finishSnapshot(SourcePosition snapshotWatermark) {
        return new TableProgress(snapshotId, snapshotChunk, true, snapshotWatermark, keepsExistingRows);
    }

    public TableProgress withWatermark(SourcePosition position) {
        return new TableProgress(snapshotId, snapshotChunk, snapshotDone, position, keepsExistingRows);
    }
}
