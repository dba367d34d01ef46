package dev.ferry.core.filter;

import java.util.List;

/** A parsed row filter: comparisons of a column with constants, combined with AND, OR and NOT. */
public sealed interface Condition {

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition operand) implements Condition {
    }

    /** {@code column op literal}; a literal on the left is turned around when parsed. */
    record Compare(String column, Operator op, Literal literal) implements Condition {
    }

    /** {@code column [NOT] IN (literals)}. */
    record In(String column, List<Literal> literals, boolean negated) implements Condition {
        public In {
            literals = List.copyOf(literals);
        }
    }

    /** {@code column [NOT] BETWEEN low AND high}. */
    record Between(String column, Literal low, Literal high, boolean negated) implements Condition {
    }

    /** {@code column IS [NOT] NULL}. */
    record IsNull(String column, boolean negated) implements Condition {
    }

    /** The comparison operators, with their SQL text. */
    enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** The operator with its operands swapped: {@code 5 < c} is {@code c > 5}. */
        Operator flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }
}
