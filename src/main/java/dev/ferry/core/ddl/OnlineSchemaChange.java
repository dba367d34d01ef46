package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.mapping.ObjectMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows online schema changes made with gh-ost ({@code _t_gho} ghost table, {@code _t_ghc} changelog,
 * {@code _t_del} after the swap) and pt-online-schema-change ({@code _t_new}, {@code _t_old}, and
 * triggers on the real table that copy changes into {@code _t_new}). Their shadow tables are not
 * migrated: their rows and DDL are ignored, except the {@code ALTER TABLE} on the ghost or new table,
 * which is the effective change. It is kept, under the real table's name, until the cut-over ({@code
 * RENAME TABLE t TO _t_del|_t_old, _t_gho|_t_new TO t}), and then replayed on the real table once,
 * at the rename's position: rows before it have the old shape, rows after it the new one. The kept
 * statements are state of the stream ({@link #pending()}, {@link #restore}): the source carries them in its
 * offsets, so a restart between a tool's ALTER and its cut-over does not lose them.
 */
public final class OnlineSchemaChange {
    private static final Pattern SHADOW = Pattern.compile("_(.+)_(gho|ghc|del|new|old)");

    private final ObjectMapping mapping;
    private final Map<TableId, List<String>> pending = new HashMap<>();

    public OnlineSchemaChange(ObjectMapping mapping) {
        this.mapping = mapping;
    }

    /** The ALTER statements kept until their table's cut-over, under the real table's name, in order. */
    public Map<TableId, List<String>> pending() {
        Map<TableId, List<String>> copy = new HashMap<>();
        pending.forEach((table, statements) -> copy.put(table, List.copyOf(statements)));
        return copy;
    }

    /** Takes back the statements {@link #pending()} returned before a restart. */
    public void restore(Map<TableId, List<String>> kept) {
        pending.clear();
        kept.forEach((table, statements) -> pending.put(table, new ArrayList<>(statements)));
    }

    /** The selected table a shadow table belongs to, or null when {@code table} is not a shadow table of one. */
    public TableId realTableOf(TableId table) {
        Matcher shadow = SHADOW.matcher(table.table());
        if (!shadow.matches()) {
            return null;
        }
        TableId real = new TableId(table.database(), shadow.group(1));
        return mapping.isTableSelected(real) ? real : null;
    }

    /**
     * What to replay for one statement of an online schema change.
     *
     * @param table the real table, or null when nothing is replayed now
     * @param statements source DDL under the real table's name, replayed in order
     */
    public record Replay(TableId table, List<String> statements) {
        static final Replay NOTHING = new Replay(null, List.of());
    }

    /**
     * Takes a DDL statement. Returns null when it is not part of an online schema change (it is handled
     * as any other), else what to replay now (often nothing).
     */
    public Replay onDdl(String ddl, String defaultDatabase) {
        List<DdlToken> tokens = DdlTokenizer.tokenize(ddl);
        int first = Tokens.next(tokens, 0);
        if (first >= tokens.size()) {
            return null;
        }
        int second = Tokens.next(tokens, first + 1);
        if (second >= tokens.size()) {
            return null;
        }
        if (tokens.get(first).isWord("RENAME") && tokens.get(second).isWord("TABLE")) {
            return onRename(tokens, Tokens.next(tokens, second + 1), defaultDatabase);
        }
        int table = Tokens.word(tokens, first, "TABLE");
        if (table < 0 || table > second) {
            return null;       // CREATE TRIGGER, CREATE INDEX ...: the caller skips statements on shadow tables
        }
        int name = Tokens.next(tokens, table + 1);
        while (name < tokens.size() && (tokens.get(name).isWord("IF") || tokens.get(name).isWord("NOT")
                || tokens.get(name).isWord("EXISTS"))) {
            name = Tokens.next(tokens, name + 1);
        }
        if (name >= tokens.size() || !tokens.get(name).isIdentifier()) {
            return null;
        }
        int end = nameEnd(tokens, name);
        TableId id = tableId(tokens, name, end, defaultDatabase);
        TableId owner = realTableOf(id);
        if (owner == null) {
            return null;
        }
        if (tokens.get(first).isWord("ALTER") && (id.table().endsWith("_gho") || id.table().endsWith("_new"))) {
            List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
            out.addAll(List.of(DdlToken.identifier(owner.database()), DdlToken.symbol("."), DdlToken.identifier(owner.table())));
            out.addAll(tokens.subList(end, tokens.size()));
            pending.computeIfAbsent(owner, t -> new ArrayList<>()).add(Tokens.text(out));
        }
        return Replay.NOTHING;
    }

    /** {@code RENAME TABLE a TO b [, c TO d]}: the cut-over when a shadow table becomes its real table. */
    private Replay onRename(List<DdlToken> tokens, int from, String defaultDatabase) {
        boolean shadows = false;
        TableId swappedIn = null;
        int i = from;
        while (i < tokens.size() && tokens.get(i).isIdentifier()) {
            int end = nameEnd(tokens, i);
            TableId source = tableId(tokens, i, end, defaultDatabase);
            int to = Tokens.next(tokens, end);
            int target = Tokens.next(tokens, to + 1);
            int targetEnd = nameEnd(tokens, target);
            TableId destination = tableId(tokens, target, targetEnd, defaultDatabase);
            shadows |= realTableOf(source) != null || realTableOf(destination) != null;
            if (realTableOf(source) != null && realTableOf(source).equals(destination)) {
                swappedIn = destination;
            }
            int comma = Tokens.next(tokens, targetEnd);
            if (comma >= tokens.size() || !tokens.get(comma).isSymbol(",")) {
                break;
            }
            i = Tokens.next(tokens, comma + 1);
        }
        if (!shadows) {
            return null;
        }
        if (swappedIn == null) {
            return Replay.NOTHING;
        }
        List<String> changes = pending.remove(swappedIn);
        return new Replay(swappedIn, changes == null ? List.of() : changes);
    }

    private static int nameEnd(List<DdlToken> tokens, int start) {
        if (start + 2 < tokens.size() && tokens.get(start + 1).isSymbol(".") && tokens.get(start + 2).isIdentifier()) {
            return start + 3;
        }
        return start + 1;
    }

    private static TableId tableId(List<DdlToken> tokens, int name, int end, String defaultDatabase) {
        return end - name == 3 ? new TableId(tokens.get(name).name(), tokens.get(name + 2).name())
                : new TableId(defaultDatabase, tokens.get(name).name());
    }
}
