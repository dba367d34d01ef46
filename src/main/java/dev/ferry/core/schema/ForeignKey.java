package dev.ferry.core.schema;

import dev.ferry.core.TableId;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key as the source declares it: the child's columns reference the parent's, with the
 * actions InnoDB carries out itself when a parent row is deleted or its referenced columns change.
 *
 * @param name the constraint's name
 * @param child the referencing table
 * @param childColumns the referencing columns, in key order
 * @param parent the referenced table
 * @param parentColumns the referenced columns, in the same order
 * @param onDelete what a delete of a parent row does to its child rows
 * @param onUpdate what a change of a parent row's referenced columns does to its child rows
 */
public record ForeignKey(String name, TableId child, List<String> childColumns, TableId parent, List<String> parentColumns,
                         Action onDelete, Action onUpdate) {

    /** A referential action, as far as it changes child rows. */
    public enum Action {
        /** The child rows are deleted, or their referencing columns take the parent's new values. */
        CASCADE,
        /** The child rows' referencing columns become NULL. */
        SET_NULL,
        /** RESTRICT, NO ACTION, SET DEFAULT: child rows are never changed (the parent change is refused instead). */
        NONE;

        /** The action of an {@code information_schema.REFERENTIAL_CONSTRAINTS} rule. */
        public static Action ofRule(String rule) {
            return switch (rule.toUpperCase(Locale.ROOT)) {
                case "CASCADE" -> CASCADE;
                case "SET NULL" -> SET_NULL;
                default -> NONE;
            };
        }
    }

    public ForeignKey {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
        if (childColumns.isEmpty() || childColumns.size() != parentColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " of " + child + " has " + childColumns.size()
                    + " referencing and " + parentColumns.size() + " referenced columns");
        }
    }

    /** Whether a change to a parent row can change child rows. */
    public boolean changesChildren() {
        return onDelete != Action.NONE || onUpdate != Action.NONE;
    }
}
