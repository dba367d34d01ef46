package dev.ferry.core.event;

import dev.ferry.core.TableId;

import java.util.List;
import java.util.Objects;

/**
 * How the sink carries out one level of a source cascade on one table, beyond the statement a CASCADE
 * batch names. A first-level step ({@code from} null) takes its rows from the batch (the parent's old
 * and new values, which the source read from the binlog). A deeper step takes them from the cascade
 * ledger entry that the step of table {@code from} at {@code fromStep} recorded: for each row that step
 * changed, the old and new values of its referenced columns, to which {@code rules} (the foreign keys
 * of this table on {@code from}) apply. Either way the sink then follows {@code selfRules} (this
 * table's keys on itself: a tree) level by level inside the table, and, when {@code consumers} deeper
 * steps read it, records the {@code recorded} columns of every row it changed in its own ledger entry.
 *
 * @param from the destination table whose ledger entry this step reads, or null for a first level
 * @param fromStep the position of that table's step (its batch's position), or null
 * @param rules this table's keys on {@code from}; empty for a first level
 * @param selfRules this table's cascading keys on itself that the cascade can fire
 * @param recorded this table's columns that deeper steps' keys reference
 * @param consumers how many deeper steps read this step's ledger entry; 0 records none
 */
public record CascadeStep(TableId from, SourcePosition fromStep, List<CascadeRule> rules, List<CascadeRule> selfRules,
                          List<String> recorded, int consumers) {

    /** A first level without trees or deeper levels: the batch's statement and nothing else. */
    public static final CascadeStep FIRST_LEVEL_ONLY = new CascadeStep(null, null, List.of(), List.of(), List.of(), 0);

    public CascadeStep {
        rules = List.copyOf(rules);
        selfRules = List.copyOf(selfRules);
        recorded = List.copyOf(recorded);
        if ((from == null) != (fromStep == null) || (from == null) != rules.isEmpty()) {
            throw new IllegalArgumentException("A cascade step reads a ledger entry (table, position and rules) or none of them");
        }
        if (consumers < 0 || (consumers > 0) == recorded.isEmpty()) {
            throw new IllegalArgumentException("A cascade step records columns exactly when deeper steps read them");
        }
    }

    /** Whether the step's rows come from another table's ledger entry (a level below the first). */
    public boolean follows() {
        return from != null;
    }

    /** The ledger entry this step reads. */
    public LedgerEntry source() {
        return new LedgerEntry(Objects.requireNonNull(from, "from"), fromStep);
    }

    /** One table's step at one position: the key of a ledger entry. */
    public record LedgerEntry(TableId table, SourcePosition position) {
    }
}
