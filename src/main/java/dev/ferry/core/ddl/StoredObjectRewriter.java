package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.mapping.ObjectMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the source's {@code SHOW CREATE VIEW / PROCEDURE / FUNCTION / TRIGGER} text into the
 * destination's DDL, the way the managed services do: the {@code DEFINER} clause is removed (the
 * object belongs to the sink's user), views, procedures and functions run with {@code SQL SECURITY
 * INVOKER}, and names are mapped at the token level. A trigger's body is guarded by
 * {@code IF @ferry_sink IS NULL THEN ... END IF}: the sink sets {@code @ferry_sink} on its sessions,
 * so the trigger does not fire a second time for rows whose effects arrive as changes of their own.
 *
 * <p>Names mapped: the object's own name (qualified with its destination database; a view's name follows
 * the table rules), a trigger's table,
 * and in view definitions every qualified reference {@code `db`.`table`} and {@code `db`.`table`.`column`}
 * (the server writes view definitions fully qualified). Routine and trigger bodies are kept as the
 * source has them apart from that: references in them are usually unqualified and resolve in the
 * destination database under a database mapping, but tables or columns renamed one by one are not
 * renamed inside bodies.
 */
public final class StoredObjectRewriter {
    /** The session variable the sink sets, that guarded trigger bodies test. */
    public static final String SINK_VARIABLE = "@ferry_sink";

    private final ObjectMapping mapping;

    public StoredObjectRewriter(ObjectMapping mapping) {
        this.mapping = mapping;
    }

    /** A view of {@code database}, from the second column of {@code SHOW CREATE VIEW}. */
    public String view(String database, String showCreate) {
        List<DdlToken> tokens = withoutDefiner(DdlTokenizer.tokenize(showCreate));
        int view = Tokens.word(tokens, 0, "VIEW");
        requireFound(view, "VIEW", showCreate);
        setSecurityInvoker(tokens, view);
        view = Tokens.word(tokens, 0, "VIEW");
        int name = Tokens.next(tokens, view + 1);
        int nameEnd = nameEnd(tokens, name);
        // A view is named like a table (its name goes through the table rules), so references to it map alike.
        TableId destination = mapping.destinationOf(new TableId(database, tokens.get(nameEnd - 1).name()));
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
        out.addAll(qualified(destination.database(), destination.table()));
        List<DdlToken> body = new ArrayList<>(tokens.subList(nameEnd, tokens.size()));
        mapQualifiedReferences(body);
        out.addAll(body);
        return Tokens.text(out);
    }

    /** A procedure or function of {@code database}, from the third column of {@code SHOW CREATE PROCEDURE/FUNCTION}. */
    public String routine(String database, String showCreate) {
        List<DdlToken> tokens = withoutDefiner(DdlTokenizer.tokenize(showCreate));
        removeSecurity(tokens);
        int kind = Tokens.word(tokens, 0, "PROCEDURE");
        boolean function = kind < 0;
        if (function) {
            kind = Tokens.word(tokens, 0, "FUNCTION");
        }
        requireFound(kind, "PROCEDURE or FUNCTION", showCreate);
        int name = Tokens.next(tokens, kind + 1);
        int nameEnd = nameEnd(tokens, name);
        int open = Tokens.openParen(tokens, name);
        int close = Tokens.closeParen(tokens, open);
        int insertAt = close + 1;
        if (function) {
            // The server writes RETURNS <type> on the first line and each characteristic on a line of its own.
            int returns = Tokens.word(tokens, close + 1, "RETURNS");
            requireFound(returns, "RETURNS", showCreate);
            insertAt = returns + 1;
            while (insertAt < tokens.size() && !tokens.get(insertAt).text().contains("\n")) {
                insertAt++;
            }
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
        out.addAll(qualified(mapping.destinationDatabase(database), tokens.get(nameEnd - 1).name()));
        out.addAll(tokens.subList(nameEnd, insertAt));
        out.addAll(List.of(DdlToken.space(), DdlToken.word("SQL"), DdlToken.space(), DdlToken.word("SECURITY"),
                DdlToken.space(), DdlToken.word("INVOKER")));
        out.addAll(tokens.subList(insertAt, tokens.size()));
        return Tokens.text(out);
    }

    /** A trigger of {@code database}, from the third column of {@code SHOW CREATE TRIGGER}. */
    public String trigger(String database, String showCreate) {
        List<DdlToken> tokens = withoutDefiner(DdlTokenizer.tokenize(showCreate));
        int trigger = Tokens.word(tokens, 0, "TRIGGER");
        requireFound(trigger, "TRIGGER", showCreate);
        int name = Tokens.next(tokens, trigger + 1);
        int nameEnd = nameEnd(tokens, name);
        int on = Tokens.word(tokens, name, "ON");
        int table = Tokens.next(tokens, on + 1);
        List<String> tableParts = new ArrayList<>();
        // `t`, `db`.`t`, or as 5.7 keeps the statement as written, db.t
        int afterTable = table;
        boolean expectName = true;
        while (afterTable < tokens.size()) {
            DdlToken token = tokens.get(afterTable);
            if (expectName && token.isIdentifier()) {
                tableParts.add(token.name());
                expectName = false;
            }
            else if (!expectName && token.isSymbol(".")) {
                expectName = true;
            }
            else {
                break;
            }
            afterTable++;
        }
        TableId source = tableParts.size() == 2 ? new TableId(tableParts.get(0), tableParts.get(1)) : new TableId(database, tableParts.get(0));
        TableId destination = mapping.destinationOf(source);
        int row = Tokens.word(tokens, afterTable, "ROW");
        requireFound(row, "FOR EACH ROW", showCreate);
        int bodyStart = Tokens.next(tokens, row + 1);
        if (tokens.get(bodyStart).isWord("FOLLOWS") || tokens.get(bodyStart).isWord("PRECEDES")) {
            int other = Tokens.next(tokens, bodyStart + 1);
            bodyStart = Tokens.next(tokens, other + 1);
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
        // A trigger lives in its table's database.
        out.addAll(qualified(destination.database(), tokens.get(nameEnd - 1).name()));
        out.addAll(tokens.subList(nameEnd, table));
        out.addAll(qualified(destination.database(), destination.table()));
        out.addAll(tokens.subList(afterTable, bodyStart));
        out.add(DdlToken.word("IF " + SINK_VARIABLE + " IS NULL THEN "));
        out.addAll(tokens.subList(bodyStart, tokens.size()));
        out.add(DdlToken.word("; END IF"));
        return Tokens.text(out);
    }

    /** The index after an object name starting at {@code start}: {@code `name`} or {@code `db`.`name`}. */
    private static int nameEnd(List<DdlToken> tokens, int start) {
        if (start + 2 < tokens.size() && tokens.get(start + 1).isSymbol(".") && tokens.get(start + 2).isIdentifier()) {
            return start + 3;
        }
        return start + 1;
    }

    /**
     * An event of {@code database}, from the fourth column of {@code SHOW CREATE EVENT}: created DISABLED,
     * since on the destination it would apply its changes a second time (enable it at cutover).
     */
    public String event(String database, String showCreate) {
        List<DdlToken> tokens = withoutDefiner(DdlTokenizer.tokenize(showCreate));
        int event = Tokens.word(tokens, 0, "EVENT");
        requireFound(event, "EVENT", showCreate);
        int name = Tokens.next(tokens, event + 1);
        int nameEnd = nameEnd(tokens, name);
        int body = Tokens.word(tokens, nameEnd, "DO");
        requireFound(body, "DO", showCreate);
        // ENABLE, DISABLE or DISABLE ON SLAVE (followed by an optional COMMENT) becomes DISABLE; none means ENABLE.
        int status = -1;
        int statusEnd = -1;
        for (int i = nameEnd; i < body && status < 0; i++) {
            if (tokens.get(i).isWord("ENABLE") || tokens.get(i).isWord("DISABLE")) {
                status = i;
                statusEnd = i + 1;
                int on = Tokens.next(tokens, i + 1);
                if (tokens.get(i).isWord("DISABLE") && tokens.get(on).isWord("ON")) {
                    statusEnd = Tokens.next(tokens, on + 1) + 1;
                }
            }
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
        out.addAll(qualified(mapping.destinationDatabase(database), tokens.get(nameEnd - 1).name()));
        if (status < 0) {
            out.addAll(tokens.subList(nameEnd, body));
            out.addAll(List.of(DdlToken.word("DISABLE"), DdlToken.space()));
            out.addAll(tokens.subList(body, tokens.size()));
        }
        else {
            out.addAll(tokens.subList(nameEnd, status));
            out.add(DdlToken.word("DISABLE"));
            out.addAll(tokens.subList(statusEnd, tokens.size()));
        }
        return Tokens.text(out);
    }

    /** Removes {@code DEFINER = user@host} (or {@code = CURRENT_USER}). */
    static List<DdlToken> withoutDefiner(List<DdlToken> tokens) {
        int definer = Tokens.word(tokens, 0, "DEFINER");
        if (definer < 0) {
            return tokens;
        }
        int equals = Tokens.next(tokens, definer + 1);
        if (equals >= tokens.size() || !tokens.get(equals).isSymbol("=")) {
            return tokens;   // SQL SECURITY DEFINER, not a definer clause
        }
        int end = Tokens.next(tokens, equals + 1) + 1;
        if (end < tokens.size() && tokens.get(end).isSymbol("@")) {
            end += 2;
        }
        else if (end < tokens.size() && tokens.get(end).isSymbol("(")) {
            end = Tokens.closeParen(tokens, end) + 1;   // CURRENT_USER()
        }
        while (end < tokens.size() && tokens.get(end).type() == DdlToken.Type.WHITESPACE) {
            end++;
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, definer));
        out.addAll(tokens.subList(end, tokens.size()));
        return out;
    }

    /** Turns {@code SQL SECURITY DEFINER} before {@code limit} into INVOKER, or adds it in front of {@code limit}. */
    private static void setSecurityInvoker(List<DdlToken> tokens, int limit) {
        int security = Tokens.word(tokens.subList(0, limit), 0, "SECURITY");
        if (security >= 0) {
            tokens.set(Tokens.next(tokens, security + 1), DdlToken.word("INVOKER"));
            return;
        }
        tokens.addAll(limit, List.of(DdlToken.word("SQL"), DdlToken.space(), DdlToken.word("SECURITY"), DdlToken.space(),
                DdlToken.word("INVOKER"), DdlToken.space()));
    }

    /** Removes a {@code SQL SECURITY DEFINER|INVOKER} characteristic of a routine. */
    private static void removeSecurity(List<DdlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("SQL")) {
                continue;
            }
            int security = Tokens.next(tokens, i + 1);
            if (security < tokens.size() && tokens.get(security).isWord("SECURITY")) {
                int value = Tokens.next(tokens, security + 1);
                tokens.subList(i, value + 1).clear();
                return;
            }
            return;     // the first SQL word is a characteristic (CONTAINS SQL) or the body: no security clause
        }
    }

    /** Maps {@code `db`.`t`} and {@code `db`.`t`.`c`} where {@code db} is a selected database. */
    private void mapQualifiedReferences(List<DdlToken> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!isQuotedPair(tokens, i) || !mapping.isDatabaseSelected(tokens.get(i).name())) {
                continue;
            }
            TableId table = new TableId(tokens.get(i).name(), tokens.get(i + 2).name());
            TableId destination = mapping.destinationOf(table);
            tokens.set(i, DdlToken.identifier(destination.database()));
            tokens.set(i + 2, DdlToken.identifier(destination.table()));
            if (isQuotedPair(tokens, i + 2)) {
                tokens.set(i + 4, DdlToken.identifier(mapping.destinationColumn(table, tokens.get(i + 4).name())));
                i += 2;
            }
            i += 2;
        }
    }

    private static boolean isQuotedPair(List<DdlToken> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i).type() == DdlToken.Type.QUOTED_IDENTIFIER && tokens.get(i + 1).isSymbol(".")
                && tokens.get(i + 2).type() == DdlToken.Type.QUOTED_IDENTIFIER;
    }

    private static List<DdlToken> qualified(String database, String name) {
        return List.of(DdlToken.identifier(database), DdlToken.symbol("."), DdlToken.identifier(name));
    }

    private static void requireFound(int index, String what, String text) {
        if (index < 0) {
            throw new DdlSyntaxException("no " + what + " in: " + text);
        }
    }
}
