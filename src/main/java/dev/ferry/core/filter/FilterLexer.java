package dev.ferry.core.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens, refusing syntax whose meaning depends on the server's settings. */
final class FilterLexer {
    private final String text;
    private int pos;

    FilterLexer(String text) {
        this.text = text;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", pos));
                return tokens;
            }
            tokens.add(next(tokens.isEmpty() ? null : tokens.get(tokens.size() - 1)));
        }
    }

    private Token next(Token previous) {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'') {
            return string(start);
        }
        if (c == '`') {
            return quotedIdentifier(start);
        }
        if (c == '"') {
            throw reject(start, "double-quoted text means a string or a name depending on the ANSI_QUOTES sql_mode; "
                    + "write strings in single quotes and names in backticks");
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if ((c == '-' || c == '+') && startsOperand(previous)) {
            pos++;
            return new Token(Token.Kind.SIGN, String.valueOf(c), start);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Token.Kind.IDENTIFIER, text.substring(start, pos), start);
        }
        for (String symbol : new String[] {"<=>", "<>", "!=", "<=", ">=", "=", "<", ">", "(", ")", ",", "."}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, start);
            }
        }
        if (text.startsWith("--", pos) || c == '#' || text.startsWith("/*", pos)) {
            throw reject(start, "comments are not allowed in filters");
        }
        throw reject(start, "'" + c + "' is not part of the filter language (comparisons of a column with constants, "
                + "AND, OR, NOT, IN, BETWEEN, IS NULL)");
    }

    /** A sign is part of a number where an operand starts: at the beginning, after an operator, '(' or ','. */
    private static boolean startsOperand(Token previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case SYMBOL -> !previous.text().equals(")");
            case IDENTIFIER -> Token.RESERVED.contains(previous.text().toUpperCase(java.util.Locale.ROOT));
            default -> false;
        };
    }

    private Token string(int start) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw reject(start, "the string starting here is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '\\') {
                throw reject(pos - 1, "backslash escapes depend on the NO_BACKSLASH_ESCAPES sql_mode; write a quote as '' "
                        + "and other characters as themselves");
            }
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                    continue;
                }
                return new Token(Token.Kind.STRING, out.toString(), start);
            }
            out.append(c);
        }
    }

    private Token quotedIdentifier(int start) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw reject(start, "the backtick-quoted name starting here is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '`') {
                if (pos < text.length() && text.charAt(pos) == '`') {
                    out.append('`');
                    pos++;
                    continue;
                }
                return new Token(Token.Kind.QUOTED_IDENTIFIER, out.toString(), start);
            }
            out.append(c);
        }
    }

    private Token number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw reject(start, "a number with an exponent is a floating-point value in MySQL and compares approximately; "
                    + "write it as a decimal number");
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw reject(start, "'" + text.substring(start, Math.min(text.length(), pos + 1))
                    + "...' is not a decimal number (hexadecimal and bit literals are not supported)");
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, pos), start);
    }

    private FilterException reject(int at, String reason) {
        return new FilterException("at character " + (at + 1) + " of the filter: " + reason + " (filter: " + text + ")");
    }
}
