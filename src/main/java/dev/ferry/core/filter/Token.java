package dev.ferry.core.filter;

import java.util.Set;

/** One token of a filter, with where it starts in the text. */
record Token(Kind kind, String text, int start) {

    /** Words that cannot name a column without backticks. */
    static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "BETWEEN", "LIKE", "REGEXP", "RLIKE",
            "TRUE", "FALSE", "SELECT", "EXISTS", "CASE", "INTERVAL", "BINARY", "COLLATE", "DIV", "MOD", "XOR");

    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, STRING, SIGN, SYMBOL, END }
}
