package dev.ferry.core.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the source's {@code SHOW CREATE DATABASE} text into {@code CREATE DATABASE IF NOT EXISTS}
 * under the destination's name, keeping the character set, collation and encryption clauses.
 */
public final class CreateDatabaseRewriter {
    private CreateDatabaseRewriter() {
    }

    public static String rewrite(String showCreateDatabase, String destinationDatabase) {
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
        out.addAll(tokens.subList(name + 1, tokens.size()));
        return Tokens.text(out);
    }
}
