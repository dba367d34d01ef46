package dev.ferry.core.ddl;

import java.util.ArrayList;
import java.util.List;

/** Navigation over a token list: significant tokens, matching parentheses, top-level splitting. */
final class Tokens {
    private Tokens() {
    }

    /** The index of the first significant token at or after {@code from}, or {@code tokens.size()}. */
    static int next(List<DdlToken> tokens, int from) {
        int i = from;
        while (i < tokens.size() && !tokens.get(i).significant()) {
            i++;
        }
        return i;
    }

    /** The index of the first {@code (} at or after {@code from}, or -1. */
    static int openParen(List<DdlToken> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code )} matching the {@code (} at {@code open}. */
    static int closeParen(List<DdlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            DdlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        throw new DdlSyntaxException("unbalanced parentheses");
    }

    /** The index of the first word equal to {@code keyword} at or after {@code from} outside parentheses, or -1. */
    static int word(List<DdlToken> tokens, int from, String keyword) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            DdlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
            else if (depth == 0 && token.isWord(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits {@code tokens[from, to)} at commas outside parentheses. */
    static List<List<DdlToken>> splitTopLevel(List<DdlToken> tokens, int from, int to) {
        List<List<DdlToken>> parts = new ArrayList<>();
        List<DdlToken> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            DdlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(",")) {
                parts.add(current);
                current = new ArrayList<>();
            }
            else {
                current.add(token);
            }
        }
        parts.add(current);
        return parts;
    }

    static String text(List<DdlToken> tokens) {
        StringBuilder out = new StringBuilder();
        tokens.forEach(t -> out.append(t.text()));
        return out.toString();
    }
}
