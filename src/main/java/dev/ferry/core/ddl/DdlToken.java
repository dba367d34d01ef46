package dev.ferry.core.ddl;

import java.util.Locale;

/**
 * One token of MySQL DDL text. Concatenating the texts of all tokens gives back the input exactly.
 *
 * @param type what the token is
 * @param text the token's text as written
 */
public record DdlToken(Type type, String text) {

    /** The kinds of token {@link DdlTokenizer} tells apart. */
    public enum Type {
        /** Spaces, tabs, line breaks. */
        WHITESPACE,
        /** {@code -- ...}, {@code # ...} or {@code /* ... *}{@code /} (not a versioned comment). */
        COMMENT,
        /** The opening {@code /*!50100 } of a versioned comment, whose content is tokenized like any DDL. */
        VERSIONED_OPEN,
        /** The {@code *}{@code /} closing a versioned comment. */
        VERSIONED_CLOSE,
        /** A backtick-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A bare word: keyword, function name or unquoted identifier. */
        WORD,
        /** A string literal in single or double quotes, with an optional {@code _charset} introducer kept apart as a WORD. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** Any other character: parentheses, commas, operators, '=' and '.'. */
        SYMBOL
    }

    /** A backtick-quoted identifier token for {@code name}. */
    public static DdlToken identifier(String name) {
        return new DdlToken(Type.QUOTED_IDENTIFIER, "`" + name.replace("`", "``") + "`");
    }

    public static DdlToken word(String text) {
        return new DdlToken(Type.WORD, text);
    }

    public static DdlToken symbol(String text) {
        return new DdlToken(Type.SYMBOL, text);
    }

    public static DdlToken space() {
        return new DdlToken(Type.WHITESPACE, " ");
    }

    /** Whether this token is an identifier, quoted or bare. */
    public boolean isIdentifier() {
        return type == Type.QUOTED_IDENTIFIER || type == Type.WORD;
    }

    /** The identifier's name: unquoted for a quoted identifier, the text for a word. */
    public String name() {
        if (type == Type.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    /** Whether this is a bare word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** Whether the token carries meaning (not whitespace or a comment). */
    public boolean significant() {
        return type != Type.WHITESPACE && type != Type.COMMENT;
    }

    /** The identifier's name in lower case, for MySQL's case-insensitive column names. */
    public String folded() {
        return name().toLowerCase(Locale.ROOT);
    }
}
