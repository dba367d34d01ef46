package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A DDL statement read from the binlog during incremental sync, and its destination form. Replayed
 * kinds: {@code ALTER TABLE}, {@code CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX ... ON}, {@code DROP INDEX
 * ... ON}, {@code TRUNCATE [TABLE]} and {@code DROP TABLE} of one selected table. The table's name is
 * replaced by its qualified destination name and renamed columns by their destination names, token by
 * token. What is not replayed is said by {@link #unsupported()}: the caller logs it.
 *
 * <p>Two kinds need the caller's decision, since they concern a table that may be outside the selection:
 * {@link Kind#RENAME_TABLE} ({@code RENAME TABLE a TO b} with one pair, as Debezium reports each pair,
 * and {@code ALTER TABLE a RENAME [TO|AS] b}, possibly with other changes) names both tables, whichever
 * is selected, with the destination statement under both mapped names; {@link Kind#CREATE_TABLE} of a
 * selected table has no destination statement: the caller reads the new table's definition.
 *
 * @param kind what the statement does
 * @param table the selected source table it changes (for a rename: the old name, selected or not), or null
 *        when it concerns no selected table
 * @param destinationDdl the statement to run on the destination, or null when it is not replayed
 * @param unsupported why a statement on a selected table is not replayed, else null
 * @param renamedTo the table's new name when the statement renames it, else null
 */
public record LiveDdl(Kind kind, TableId table, String destinationDdl, String unsupported, TableId renamedTo) {

    /** The statement kinds Ferry tells apart. */
    public enum Kind { ALTER_TABLE, CREATE_INDEX, DROP_INDEX, TRUNCATE_TABLE, DROP_TABLE, RENAME_TABLE, CREATE_TABLE, OTHER }

    private static final LiveDdl IGNORED = new LiveDdl(Kind.OTHER, null, null, null, null);

    public LiveDdl(Kind kind, TableId table, String destinationDdl, String unsupported) {
        this(kind, table, destinationDdl, unsupported, null);
    }

    /**
     * @param ddl the statement as the binlog holds it
     * @param defaultDatabase the database it ran in (names without a database belong to it)
     * @param definitions the current source definition of a table (its columns), or null
     */
    public static LiveDdl of(String ddl, String defaultDatabase, ObjectMapping mapping, Function<TableId, TableDef> definitions) {
        List<DdlToken> tokens = new ArrayList<>(DdlTokenizer.tokenize(ddl));
        int first = Tokens.next(tokens, 0);
        if (first >= tokens.size()) {
            return IGNORED;
        }
        int second = Tokens.next(tokens, first + 1);
        if (second >= tokens.size()) {
            return IGNORED;
        }
        DdlToken head = tokens.get(first);
        Kind kind;
        int name;
        if (head.isWord("ALTER")) {
            int table = Tokens.word(tokens, first, "TABLE");
            if (table < 0 || table > second + 4) {
                return IGNORED;
            }
            kind = Kind.ALTER_TABLE;
            name = Tokens.next(tokens, table + 1);
        }
        else if (head.isWord("TRUNCATE")) {
            kind = Kind.TRUNCATE_TABLE;
            name = tokens.get(second).isWord("TABLE") ? Tokens.next(tokens, second + 1) : second;
        }
        else if (head.isWord("RENAME") && tokens.get(second).isWord("TABLE")) {
            return renameTable(tokens, Tokens.next(tokens, second + 1), defaultDatabase, mapping);
        }
        else if (head.isWord("CREATE") && tokens.get(second).isWord("TABLE")) {
            return createTable(tokens, first, defaultDatabase, mapping);
        }
        else if (head.isWord("DROP") && tokens.get(second).isWord("TABLE")) {
            return dropTable(tokens, second, defaultDatabase, mapping);
        }
        else if ((head.isWord("CREATE") || head.isWord("DROP")) && Tokens.word(tokens, first, "INDEX") >= 0
                && Tokens.word(tokens, first, "INDEX") <= second + 2 && Tokens.word(tokens, first, "ON") >= 0) {
            kind = head.isWord("CREATE") ? Kind.CREATE_INDEX : Kind.DROP_INDEX;
            name = Tokens.next(tokens, Tokens.word(tokens, first, "ON") + 1);
        }
        else {
            return IGNORED;
        }
        int nameEnd = nameEnd(tokens, name);
        TableId source = tableId(tokens, name, nameEnd, defaultDatabase);
        if (!mapping.isTableSelected(source) && !(kind == Kind.ALTER_TABLE && renamesIntoSelection(tokens, nameEnd,
                defaultDatabase, mapping))) {
            return IGNORED;
        }
        int renameTo = kind == Kind.ALTER_TABLE ? tableRename(tokens, nameEnd) : -1;
        int renameEnd = renameTo < 0 ? -1 : nameEnd(tokens, renameTo);
        TableId renamedTo = renameTo < 0 ? null : tableId(tokens, renameTo, renameEnd, defaultDatabase);
        String excluded = renameColumns(tokens, nameEnd, source, mapping, definitions.apply(source));
        if (excluded != null) {
            return new LiveDdl(kind, source, null, "it names column " + excluded + ", which is not migrated", renamedTo);
        }
        if (renamedTo != null) {
            // The new name last: the column renaming above may have taken it for a column.
            replace(tokens, renameTo, renameEnd, mapping.destinationOf(renamedTo));
        }
        replace(tokens, name, nameEnd, mapping.destinationOf(source));
        return new LiveDdl(renamedTo == null ? kind : Kind.RENAME_TABLE, source, Tokens.text(tokens).trim(), null, renamedTo);
    }

    /**
     * The two tables a statement of {@link Kind#RENAME_TABLE} renames, old name first, read back from its
     * destination form (whose names are qualified); empty for any other statement.
     */
    public static List<TableId> renamedTables(String destinationDdl) {
        List<DdlToken> tokens = DdlTokenizer.tokenize(destinationDdl);
        int first = Tokens.next(tokens, 0);
        int second = first < tokens.size() ? Tokens.next(tokens, first + 1) : tokens.size();
        if (second >= tokens.size() || !tokens.get(second).isWord("TABLE")) {
            return List.of();
        }
        int name = Tokens.next(tokens, second + 1);
        if (name >= tokens.size() || !tokens.get(name).isIdentifier()) {
            return List.of();
        }
        int end = nameEnd(tokens, name);
        int target;
        if (tokens.get(first).isWord("RENAME")) {
            target = Tokens.next(tokens, Tokens.next(tokens, end) + 1);
        }
        else if (tokens.get(first).isWord("ALTER")) {
            target = tableRename(tokens, end);
        }
        else {
            return List.of();
        }
        if (target < 0 || target >= tokens.size() || !tokens.get(target).isIdentifier()) {
            return List.of();
        }
        return List.of(tableId(tokens, name, end, ""), tableId(tokens, target, nameEnd(tokens, target), ""));
    }

    /** {@code RENAME TABLE a TO b}, one pair (Debezium reports each pair of a longer statement as its own event). */
    private static LiveDdl renameTable(List<DdlToken> tokens, int name, String defaultDatabase, ObjectMapping mapping) {
        int end = nameEnd(tokens, name);
        int to = Tokens.next(tokens, end);
        int target = Tokens.next(tokens, to + 1);
        if (target >= tokens.size() || !tokens.get(to).isWord("TO") || !tokens.get(target).isIdentifier()) {
            return IGNORED;
        }
        int targetEnd = nameEnd(tokens, target);
        TableId source = tableId(tokens, name, end, defaultDatabase);
        TableId renamed = tableId(tokens, target, targetEnd, defaultDatabase);
        if (!mapping.isTableSelected(source) && !mapping.isTableSelected(renamed)) {
            return IGNORED;
        }
        if (Tokens.next(tokens, targetEnd) < tokens.size()) {
            return new LiveDdl(Kind.RENAME_TABLE, source, null, "a RENAME TABLE of several pairs is replayed pair by pair", renamed);
        }
        String sql = Tokens.text(List.of(DdlToken.word("RENAME TABLE "), DdlToken.identifier(mapping.destinationOf(source).database()),
                DdlToken.symbol("."), DdlToken.identifier(mapping.destinationOf(source).table()), DdlToken.word(" TO "),
                DdlToken.identifier(mapping.destinationOf(renamed).database()), DdlToken.symbol("."),
                DdlToken.identifier(mapping.destinationOf(renamed).table())));
        return new LiveDdl(Kind.RENAME_TABLE, source, sql, null, renamed);
    }

    /**
     * {@code CREATE TABLE [IF NOT EXISTS] t ...} of a selected table, in any form (columns, {@code LIKE},
     * {@code SELECT}). {@code CREATE TEMPORARY TABLE} is not one (nor logged under row-based logging).
     */
    private static LiveDdl createTable(List<DdlToken> tokens, int first, String defaultDatabase, ObjectMapping mapping) {
        int table = Tokens.next(tokens, first + 1);
        int name = Tokens.next(tokens, table + 1);
        while (name < tokens.size() && (tokens.get(name).isWord("IF") || tokens.get(name).isWord("NOT")
                || tokens.get(name).isWord("EXISTS"))) {
            name = Tokens.next(tokens, name + 1);
        }
        if (name >= tokens.size() || !tokens.get(name).isIdentifier()) {
            return IGNORED;
        }
        TableId id = tableId(tokens, name, nameEnd(tokens, name), defaultDatabase);
        return mapping.isTableSelected(id) ? new LiveDdl(Kind.CREATE_TABLE, id, null, null, null) : IGNORED;
    }

    private static void replace(List<DdlToken> tokens, int name, int end, TableId with) {
        List<DdlToken> qualified = List.of(DdlToken.identifier(with.database()), DdlToken.symbol("."), DdlToken.identifier(with.table()));
        tokens.subList(name, end).clear();
        tokens.addAll(name, qualified);
    }

    private static boolean renamesIntoSelection(List<DdlToken> tokens, int from, String defaultDatabase, ObjectMapping mapping) {
        int to = tableRename(tokens, from);
        return to >= 0 && mapping.isTableSelected(tableId(tokens, to, nameEnd(tokens, to), defaultDatabase));
    }

    /** {@code DROP TABLE [IF EXISTS] t}: replayed for one selected table as {@code DROP TABLE IF EXISTS}. */
    private static LiveDdl dropTable(List<DdlToken> tokens, int table, String defaultDatabase, ObjectMapping mapping) {
        int name = Tokens.next(tokens, table + 1);
        if (tokens.get(name).isWord("IF")) {
            name = Tokens.next(tokens, Tokens.next(tokens, name + 1) + 1);
        }
        List<TableId> selected = new ArrayList<>();
        while (name < tokens.size() && tokens.get(name).isIdentifier()) {
            int end = nameEnd(tokens, name);
            TableId id = tableId(tokens, name, end, defaultDatabase);
            if (mapping.isTableSelected(id)) {
                selected.add(id);
            }
            int comma = Tokens.next(tokens, end);
            if (comma >= tokens.size() || !tokens.get(comma).isSymbol(",")) {
                break;
            }
            name = Tokens.next(tokens, comma + 1);
        }
        if (selected.isEmpty()) {
            return IGNORED;
        }
        if (selected.size() > 1) {
            return new LiveDdl(Kind.DROP_TABLE, selected.get(0), null, "a DROP TABLE of several selected tables is not replayed yet");
        }
        TableId destination = mapping.destinationOf(selected.get(0));
        String sql = Tokens.text(List.of(DdlToken.word("DROP TABLE IF EXISTS "), DdlToken.identifier(destination.database()),
                DdlToken.symbol("."), DdlToken.identifier(destination.table())));
        return new LiveDdl(Kind.DROP_TABLE, selected.get(0), sql, null);
    }

    /** The index of the new name in {@code ALTER TABLE t ... RENAME [TO|AS] n}, or -1 when the table is not renamed. */
    private static int tableRename(List<DdlToken> tokens, int from) {
        for (int i = Tokens.word(tokens, from, "RENAME"); i >= 0; i = Tokens.word(tokens, i + 1, "RENAME")) {
            int next = Tokens.next(tokens, i + 1);
            if (next >= tokens.size() || tokens.get(next).isWord("COLUMN") || tokens.get(next).isWord("INDEX")
                    || tokens.get(next).isWord("KEY")) {
                continue;
            }
            return tokens.get(next).isWord("TO") || tokens.get(next).isWord("AS") ? Tokens.next(tokens, next + 1) : next;
        }
        return -1;
    }

    /**
     * Renames, after the table name, every identifier naming a column that is renamed; returns a column
     * named that is left out, or null. Identifiers naming columns under their own name stay as they are.
     */
    private static String renameColumns(List<DdlToken> tokens, int from, TableId table, ObjectMapping mapping, TableDef definition) {
        Map<String, String> columns = new HashMap<>();
        if (definition != null) {
            for (ColumnDef column : definition.columns()) {
                columns.put(column.name().toLowerCase(Locale.ROOT), column.name());
            }
        }
        for (int i = from; i < tokens.size(); i++) {
            DdlToken token = tokens.get(i);
            String column = token.isIdentifier() ? columns.get(token.folded()) : null;
            if (column == null) {
                continue;
            }
            if (!mapping.isColumnSelected(table, column)) {
                return column;
            }
            String destination = mapping.destinationColumn(table, column);
            if (!destination.equals(column)) {
                tokens.set(i, DdlToken.identifier(destination));
            }
        }
        return null;
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
