package dev.ferry.core.filter;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.Locale;

/**
 * A table's row filter as written: a SQL condition in the {@link FilterParser filter language}.
 * Parsing checks the syntax; {@link #bind} checks it against the table's columns and types and
 * gives the form Ferry evaluates on binlog rows and pushes into the snapshot's query.
 */
public final class RowFilter {
    private final String text;
    private final Condition condition;

    private RowFilter(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    /** @throws FilterException with the reason when the text is not in the filter language */
    public static RowFilter parse(String text) {
        return new RowFilter(text.trim(), FilterParser.parse(text));
    }

    public String text() {
        return text;
    }

    public Condition condition() {
        return condition;
    }

    /** @throws FilterException naming the column or constant Ferry cannot evaluate exactly, and why */
    public BoundRowFilter bind(TableDef table) {
        return new BoundRowFilter(this, table, new Binder(table).bind(condition));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Resolves column names (case-insensitively, as MySQL does) and binds every constant to its column's comparator. */
    private static final class Binder {
        private final TableDef table;

        Binder(TableDef table) {
            this.table = table;
        }

        BoundRowFilter.Node bind(Condition c) {
            if (c instanceof Condition.And and) {
                return new BoundRowFilter.And(bind(and.left()), bind(and.right()));
            }
            if (c instanceof Condition.Or or) {
                return new BoundRowFilter.Or(bind(or.left()), bind(or.right()));
            }
            if (c instanceof Condition.Not not) {
                return new BoundRowFilter.Not(bind(not.operand()));
            }
            if (c instanceof Condition.IsNull isNull) {
                return new BoundRowFilter.IsNull(index(isNull.column()), isNull.negated());
            }
            if (c instanceof Condition.Compare compare) {
                return comparison(compare.column(), compare.op(), compare.literal());
            }
            if (c instanceof Condition.Between between) {
                BoundRowFilter.Node range = new BoundRowFilter.And(
                        comparison(between.column(), Condition.Operator.GE, between.low()),
                        comparison(between.column(), Condition.Operator.LE, between.high()));
                return between.negated() ? new BoundRowFilter.Not(range) : range;
            }
            Condition.In in = (Condition.In) c;
            BoundRowFilter.Node any = null;
            for (Literal literal : in.literals()) {
                BoundRowFilter.Node eq = comparison(in.column(), Condition.Operator.EQ, literal);
                any = any == null ? eq : new BoundRowFilter.Or(any, eq);
            }
            return in.negated() ? new BoundRowFilter.Not(any) : any;
        }

        private BoundRowFilter.Node comparison(String column, Condition.Operator op, Literal literal) {
            int index = index(column);
            ColumnComparator comparator = ColumnComparator.of(table.columns().get(index));
            Object constant = literal instanceof Literal.Null ? null : comparator.bind(literal, op);
            return new BoundRowFilter.Compare(index, comparator, op, constant, literal);
        }

        private int index(String name) {
            int exact = table.indexOf(name);
            if (exact >= 0) {
                return exact;
            }
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDef c = table.columns().get(i);
                if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            throw new FilterException("table " + table.id() + " has no column `" + name + "` (its columns: "
                    + table.columns().stream().map(ColumnDef::name).toList() + ")");
        }
    }
}
