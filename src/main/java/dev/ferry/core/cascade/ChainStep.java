package dev.ferry.core.cascade;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ForeignKey;

import java.util.List;

/**
 * One table's level of the cascade of one parent change, under source names (see {@link CascadePlanner#chain}).
 *
 * @param parent the index of the step whose changed rows this one follows, or -1 for a first level
 * @param table the table whose rows the step changes
 * @param first for a first level, what the parent change does to the table's rows; else null
 * @param keys for a deeper level, the table's foreign keys on the parent step's table
 * @param selfKeys the table's keys on itself that the step can fire (levels inside the table)
 * @param recorded the table's columns that deeper steps' keys reference, empty when none follows
 * @param level 1 for a first level, 2 below it, and so on
 */
public record ChainStep(int parent, TableId table, Cascade first, List<ForeignKey> keys, List<ForeignKey> selfKeys,
                        List<String> recorded, int level) {

    public ChainStep {
        keys = List.copyOf(keys);
        selfKeys = List.copyOf(selfKeys);
        recorded = List.copyOf(recorded);
    }
}
