package dev.ferry.core.event;

import dev.ferry.core.schema.ForeignKey;

import java.util.List;

/**
 * A cascading foreign key as the sink follows it on the destination, under destination names: the
 * rows whose {@code childColumns} equal a changed row's old {@code parentColumns} are deleted, set to
 * NULL or set to the new values, as {@code onDelete} and {@code onUpdate} say.
 */
public record CascadeRule(List<String> childColumns, List<String> parentColumns, ForeignKey.Action onDelete,
                          ForeignKey.Action onUpdate) {

    public CascadeRule {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
        if (childColumns.isEmpty() || childColumns.size() != parentColumns.size()) {
            throw new IllegalArgumentException("A cascade rule needs as many referencing as referenced columns: "
                    + childColumns + " -> " + parentColumns);
        }
    }
}
