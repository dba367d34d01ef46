package dev.ferry.core.precheck;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.DdlToken;
import dev.ferry.core.ddl.DdlTokenizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the prechecks read in the text of a view, routine, trigger or event definition, token by token. */
public final class DefinitionText {
    /**
     * Words MySQL 8.0 reserves that 5.7 did not, which a 5.7 body may use as bare identifiers (ROW and
     * FUNCTION are left out: 5.7 bodies use them as keywords).
     */
    static final Set<String> RESERVED_SINCE_80 = Set.of("ARRAY", "CUBE", "CUME_DIST", "DENSE_RANK", "EMPTY", "EXCEPT",
            "FIRST_VALUE", "GROUPING", "GROUPS", "JSON_TABLE", "LAG", "LAST_VALUE", "LATERAL", "LEAD", "MEMBER", "NTH_VALUE",
            "NTILE", "OF", "OVER", "PERCENT_RANK", "RANK", "RECURSIVE", "ROWS", "ROW_NUMBER", "SYSTEM", "WINDOW");

    private DefinitionText() {
    }

    /**
     * The tables and views a server-written view definition reads: it qualifies every table
     * ({@code from `db`.`t`}, {@code join `db`.`t`}) and writes columns as {@code `db`.`t`.`c`}, or
     * {@code `alias`.`c`} for an aliased table (not a reference).
     */
    public static Set<TableId> qualifiedReferences(String text) {
        List<DdlToken> tokens = significant(text);
        Set<TableId> out = new LinkedHashSet<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            boolean qualifier = i > 0 && tokens.get(i - 1).isSymbol(".");
            if (qualifier || tokens.get(i).type() != DdlToken.Type.QUOTED_IDENTIFIER || !tokens.get(i + 1).isSymbol(".")
                    || tokens.get(i + 2).type() != DdlToken.Type.QUOTED_IDENTIFIER) {
                continue;
            }
            boolean column = i + 4 < tokens.size() && tokens.get(i + 3).isSymbol(".")
                    && tokens.get(i + 4).type() == DdlToken.Type.QUOTED_IDENTIFIER;
            if (column || afterFromOrJoin(tokens, i)) {
                out.add(new TableId(tokens.get(i).name(), tokens.get(i + 2).name()));
            }
        }
        return out;
    }

    private static boolean afterFromOrJoin(List<DdlToken> tokens, int at) {
        int i = at - 1;
        while (i >= 0 && tokens.get(i).isSymbol("(")) {
            i--;
        }
        if (i < 0 || tokens.get(i).type() != DdlToken.Type.WORD) {
            return false;
        }
        String word = tokens.get(i).text().toUpperCase(Locale.ROOT);
        return word.equals("FROM") || word.equals("JOIN");
    }

    /**
     * Bare words of {@code text} that MySQL 8.0 reserves and 5.7 did not. A word after a '.' (a qualified name) or
     * an '@' (a user variable) is allowed in 8.0 and not reported.
     */
    public static Set<String> reservedSince80(String text) {
        List<DdlToken> tokens = significant(text);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text().toUpperCase(Locale.ROOT);
            if (tokens.get(i).type() == DdlToken.Type.WORD && RESERVED_SINCE_80.contains(word)
                    && (i == 0 || !tokens.get(i - 1).isSymbol(".") && !tokens.get(i - 1).isSymbol("@"))) {
                out.add(word);
            }
        }
        return out;
    }

    private static List<DdlToken> significant(String text) {
        return DdlTokenizer.tokenize(text).stream()
                .filter(t -> t.type() != DdlToken.Type.WHITESPACE && t.type() != DdlToken.Type.COMMENT).toList();
    }
}
