package dev.ferry.core.ddl;

import dev.ferry.core.TableId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement that creates, changes or drops views, procedures or functions, read from the binlog during
 * incremental sync: {@code CREATE [OR REPLACE] [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW v},
 * {@code ALTER ... VIEW v}, {@code DROP VIEW [IF EXISTS] v [, w]}, {@code CREATE [DEFINER=..] PROCEDURE|FUNCTION
 * r}, {@code ALTER PROCEDURE|FUNCTION r}, {@code DROP PROCEDURE|FUNCTION [IF EXISTS] r}. Debezium reports a
 * view's {@code CREATE} or {@code ALTER} without its first word ({@code [OR REPLACE] ALGORITHM=.. VIEW v ...}:
 * the text of its parser's rule for the rest), which is taken as the same. Only the objects are named here (an
 * unqualified name belongs to the statement's default database); the caller reads a created or changed object's
 * definition from the source.
 *
 * @param action whether the objects are created (or changed) or dropped
 * @param kind what the objects are
 * @param objects the objects, each as its database and name
 */
public record StoredObjectDdl(Action action, Kind kind, List<TableId> objects) {

    /** What the statement does to its objects. */
    public enum Action { CREATE_OR_ALTER, DROP }

    /** The stored object kinds replayed during sync. */
    public enum Kind { VIEW, PROCEDURE, FUNCTION }

    /** Words that end the search for the object kind: the statement is about something else. */
    private static final Set<String> OTHER_OBJECTS = Set.of("TABLE", "INDEX", "DATABASE", "SCHEMA", "TRIGGER", "EVENT", "USER",
            "ROLE", "TEMPORARY", "UNIQUE", "FULLTEXT", "SPATIAL", "TABLESPACE", "SERVER", "LOGFILE", "AGGREGATE", "INSTANCE",
            "RESOURCE");
    private static final Set<String> CLAUSES = Set.of("OR", "REPLACE", "ALGORITHM", "DEFINER", "SQL", "SECURITY", "=", "@",
            "UNDEFINED", "MERGE", "TEMPTABLE", "INVOKER", "CURRENT_USER", "(", ")");

    /** The statement's objects, or null when it is not a statement on views, procedures or functions. */
    public static StoredObjectDdl of(String ddl, String defaultDatabase) {
        List<DdlToken> tokens = DdlTokenizer.tokenize(ddl);
        int first = Tokens.next(tokens, 0);
        if (first >= tokens.size()) {
            return null;
        }
        DdlToken head = tokens.get(first);
        boolean headless = false;
        if (!head.isWord("CREATE") && !head.isWord("ALTER") && !head.isWord("DROP")) {
            // As Debezium reports a view's CREATE or ALTER: without that first word.
            headless = head.isWord("OR") || head.isWord("ALGORITHM") || head.isWord("DEFINER") || head.isWord("SQL")
                    || head.isWord("VIEW");
            if (!headless) {
                return null;
            }
        }
        int i = headless ? first : Tokens.next(tokens, first + 1);
        Kind kind = null;
        for (int seen = 0; i < tokens.size() && seen < 24; i = Tokens.next(tokens, i + 1), seen++) {
            kind = kindOf(tokens.get(i));
            if (kind != null) {
                break;
            }
            if (!head.isWord("DROP") && !isDefinerOrOption(tokens.get(i))) {
                return null;
            }
            if (head.isWord("DROP")) {
                return null;
            }
        }
        if (kind == null || headless && kind != Kind.VIEW) {
            return null;
        }
        int name = Tokens.next(tokens, i + 1);
        while (name < tokens.size() && (tokens.get(name).isWord("IF") || tokens.get(name).isWord("NOT")
                || tokens.get(name).isWord("EXISTS"))) {
            name = Tokens.next(tokens, name + 1);
        }
        List<TableId> objects = new ArrayList<>();
        while (name < tokens.size() && tokens.get(name).isIdentifier()) {
            int end = name + 1;
            TableId id;
            int dot = Tokens.next(tokens, name + 1);
            if (dot < tokens.size() && tokens.get(dot).isSymbol(".")) {
                int second = Tokens.next(tokens, dot + 1);
                id = new TableId(tokens.get(name).name(), tokens.get(second).name());
                end = second + 1;
            }
            else {
                id = new TableId(defaultDatabase, tokens.get(name).name());
            }
            objects.add(id);
            int comma = Tokens.next(tokens, end);
            if (!head.isWord("DROP") || comma >= tokens.size() || !tokens.get(comma).isSymbol(",")) {
                break;
            }
            name = Tokens.next(tokens, comma + 1);
        }
        if (objects.isEmpty()) {
            return null;
        }
        return new StoredObjectDdl(head.isWord("DROP") ? Action.DROP : Action.CREATE_OR_ALTER, kind, List.copyOf(objects));
    }

    private static Kind kindOf(DdlToken token) {
        for (Kind kind : Kind.values()) {
            if (token.isWord(kind.name())) {
                return kind;
            }
        }
        return null;
    }

    /** The clauses between CREATE/ALTER and the object kind: OR REPLACE, ALGORITHM=, DEFINER=user@host, SQL SECURITY. */
    private static boolean isDefinerOrOption(DdlToken token) {
        return token.type() == DdlToken.Type.STRING || token.type() == DdlToken.Type.QUOTED_IDENTIFIER
                || token.type() == DdlToken.Type.WORD && CLAUSES.contains(token.text().toUpperCase(java.util.Locale.ROOT))
                || token.type() == DdlToken.Type.SYMBOL && CLAUSES.contains(token.text())
                || token.type() == DdlToken.Type.WORD && !token.text().isEmpty() && isHostOrUser(token);
    }

    /** A bare user or host name in a DEFINER clause ({@code root@localhost}). */
    private static boolean isHostOrUser(DdlToken token) {
        return !OTHER_OBJECTS.contains(token.text().toUpperCase(java.util.Locale.ROOT));
    }
}
