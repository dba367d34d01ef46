package dev.ferry.core.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL DDL text into {@link DdlToken}s, knowing what the server's own {@code SHOW CREATE}
 * output and user DDL contain: backtick-quoted identifiers (with doubled backticks), strings in
 * single or double quotes (with backslash escapes and doubled quotes), comments, and versioned
 * comments {@code /*!NNNNN ... *}{@code /} whose content is DDL and is tokenized as such. Lossless:
 * the tokens' texts concatenate to the input.
 */
public final class DdlTokenizer {
    private final String text;
    private final List<DdlToken> tokens = new ArrayList<>();
    private int pos;
    private int versionedDepth;

    private DdlTokenizer(String text) {
        this.text = text;
    }

    /**
     * @throws DdlSyntaxException for an unterminated identifier, string or comment
     */
    public static List<DdlToken> tokenize(String text) {
        DdlTokenizer tokenizer = new DdlTokenizer(text);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                take(DdlToken.Type.WHITESPACE, whileMatching(pos, Character::isWhitespace));
            }
            else if (c == '`') {
                take(DdlToken.Type.QUOTED_IDENTIFIER, quoted(pos, '`', false));
            }
            else if (c == '\'' || c == '"') {
                take(DdlToken.Type.STRING, quoted(pos, c, true));
            }
            else if (startsWith("/*!")) {
                int end = whileMatching(pos + 3, Character::isDigit);
                versionedDepth++;
                take(DdlToken.Type.VERSIONED_OPEN, end);
            }
            else if (startsWith("*/") && versionedDepth > 0) {
                versionedDepth--;
                take(DdlToken.Type.VERSIONED_CLOSE, pos + 2);
            }
            else if (startsWith("/*")) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new DdlSyntaxException("unterminated comment at offset " + pos);
                }
                take(DdlToken.Type.COMMENT, end + 2);
            }
            else if (c == '#' || startsWith("-- ") || startsWith("--\n") || startsWith("--\t") || text.startsWith("--", pos) && pos + 2 == text.length()) {
                int end = text.indexOf('\n', pos);
                take(DdlToken.Type.COMMENT, end < 0 ? text.length() : end);
            }
            else if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
                    && !previousIsIdentifier()) {
                take(DdlToken.Type.NUMBER, number(pos));
            }
            else if (isWordChar(c)) {
                take(DdlToken.Type.WORD, whileMatching(pos, DdlTokenizer::isWordChar));
            }
            else {
                take(DdlToken.Type.SYMBOL, pos + Character.charCount(text.codePointAt(pos)));
            }
        }
    }

    private void take(DdlToken.Type type, int end) {
        tokens.add(new DdlToken(type, text.substring(pos, end)));
        pos = end;
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    private boolean previousIsIdentifier() {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).significant()) {
                return tokens.get(i).isIdentifier();
            }
        }
        return false;
    }

    private int whileMatching(int from, java.util.function.IntPredicate accept) {
        int i = from;
        while (i < text.length() && accept.test(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of a quoted token starting at {@code from}: a doubled quote is part of it, and with escapes so is {@code \x}. */
    private int quoted(int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new DdlSyntaxException("unterminated " + (quote == '`' ? "identifier" : "string") + " starting at offset " + from);
    }

    private int number(int from) {
        int i = whileMatching(from, c -> Character.isDigit(c) || c == '.');
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                i = whileMatching(exponent, Character::isDigit);
            }
        }
        // 0x1F, 1e5abc and 123abc (an identifier MySQL allows) continue as word characters.
        return whileMatching(i, DdlTokenizer::isWordChar);
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F;
    }
}
