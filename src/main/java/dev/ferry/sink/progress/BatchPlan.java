package dev.ferry.sink.progress;

import dev.ferry.core.event.RowChange;

import java.util.List;

/**
 * What to do with one change batch, and the table's progress once it is done.
 *
 * @param action the kind of work
 * @param rows the rows to apply (for {@link Action#APPLY_ROWS}), else empty
 * @param next the table's progress after the batch; for {@link Action#SKIP} the current one
 */
public record BatchPlan(Action action, List<RowChange> rows, TableProgress next) {

    public BatchPlan {
        rows = List.copyOf(rows);
    }

    /** The kinds of work a batch can call for. */
    public enum Action {
        /** Nothing: the batch was applied before, or belongs to an abandoned snapshot attempt. */
        SKIP,
        /** A new snapshot attempt: empty the destination table, then record the attempt. */
        RESTART_SNAPSHOT,
        /** Apply {@link BatchPlan#rows()} and record the progress. */
        APPLY_ROWS,
        /** Record the progress only (the end of a snapshot). */
        RECORD_PROGRESS,
        /** Run the batch's DDL statements when the table does not exist; no progress changes. */
        CREATE_SCHEMA,
        /** Run the batch's DDL statement, then record its position. */
        APPLY_DDL
    }

    static BatchPlan skip(TableProgress current) {
        return new BatchPlan(Action.SKIP, List.of(), current);
    }
}
