package dev.ferry.core.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the source's {@code SHOW CREATE DATABASE} text into {@code CREATE DATABASE IF NOT EXISTS}
 * under the destination's name, keeping the character set, collation and encryption clauses. MySQL 5.7
 * writes no {@code COLLATE} when the database has its character set's default collation, and 8.0's
 * default differs ({@code utf8mb4_general_ci} against {@code utf8mb4_0900_ai_ci}): given the database's
 * collation, the rewriter writes it out, so the destination database has the source's.
 */
public final class CreateDatabaseRewriter {
    private CreateDatabaseRewriter() {
    }

    public static String rewrite(String showCreateDatabase, String destinationDatabase) {
        return rewrite(showCreateDatabase, destinationDatabase, null);
    }

    /**
     * As {@link #rewrite(String, String)}, with {@code COLLATE collation} after the character set when the
     * text names no collation.
     *
     * @param collation the database's default collation ({@code information_schema.SCHEMATA}); null to keep the text's
     */
    public static String rewrite(String showCreateDatabase, String destinationDatabase, String collation) {
        List<DdlToken> tokens = DdlTokenizer.tokenize(showCreateDatabase);
        int create = Tokens.next(tokens, 0);
        int database = Tokens.next(tokens, create + 1);
        if (database >= tokens.size() || !tokens.get(create).isWord("CREATE")
                || !(tokens.get(database).isWord("DATABASE") || tokens.get(database).isWord("SCHEMA"))) {
            throw new DdlSyntaxException("not a CREATE DATABASE statement: " + showCreateDatabase);
        }
        int name = database + 1;
        while (name < tokens.size() && tokens.get(name).type() != DdlToken.Type.QUOTED_IDENTIFIER) {
            name++;
        }
        if (name == tokens.size()) {
            throw new DdlSyntaxException("CREATE DATABASE without a quoted name: " + showCreateDatabase);
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, database + 1));
        out.addAll(List.of(DdlToken.space(), DdlToken.word("IF"), DdlToken.space(), DdlToken.word("NOT"), DdlToken.space(),
                DdlToken.word("EXISTS"), DdlToken.space(), DdlToken.identifier(destinationDatabase)));
        out.addAll(explicitCollation(tokens.subList(name + 1, tokens.size()), collation));
        return Tokens.text(out);
    }

    private static List<DdlToken> explicitCollation(List<DdlToken> options, String collation) {
        if (collation == null || Tokens.word(options, 0, "COLLATE") >= 0) {
            return options;
        }
        int character = Tokens.word(options, 0, "CHARACTER");
        int set = character < 0 ? Tokens.word(options, 0, "CHARSET") : Tokens.word(options, character + 1, "SET");
        int value = set < 0 ? -1 : Tokens.next(options, set + 1);
        if (value >= 0 && value < options.size() && options.get(value).isSymbol("=")) {
            value = Tokens.next(options, value + 1);
        }
        if (value < 0 || value >= options.size()) {
            return options;
        }
        List<DdlToken> out = new ArrayList<>(options.subList(0, value + 1));
        out.addAll(List.of(DdlToken.space(), DdlToken.word("COLLATE"), DdlToken.space(), DdlToken.word(collation)));
        out.addAll(options.subList(value + 1, options.size()));
        return out;
    }
}
