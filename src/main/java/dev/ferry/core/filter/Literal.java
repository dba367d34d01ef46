package dev.ferry.core.filter;

import java.math.BigDecimal;

/** A constant in a filter: a number written without exponent, a single-quoted string, or NULL. */
public sealed interface Literal {

    /** An exact decimal number. */
    record Number(BigDecimal value) implements Literal {
        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** A string, as written between single quotes (a doubled quote stands for one). */
    record Text(String value) implements Literal {
        @Override
        public String toString() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /** SQL NULL: every comparison with it is unknown. */
    record Null() implements Literal {
        @Override
        public String toString() {
            return "NULL";
        }
    }
}
