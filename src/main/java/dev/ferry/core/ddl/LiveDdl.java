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
 * @param kind what the statement does
 * @param table the selected source table it changes, or null when it concerns no selected table
 * @param destinationDdl the statement to run on the destination, or null when it is not replayed
 * @param unsupported why a statement on a selected table is not replayed, else null
 */
public record LiveDdl(Kind kind, TableId table, String destinationDdl, String unsupported) {

    /** The statement kinds Ferry tells apart. */
    public enum Kind { ALTER_TABLE, CREATE_INDEX, DROP_INDEX, TRUNCATE_TABLE, DROP_TABLE, OTHER }

    private static final LiveDdl IGNORED = new LiveDdl(Kind.OTHER, null, null, null);

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
            int renamed = Tokens.next(tokens, second + 1);
            TableId source = tableId(tokens, renamed, nameEnd(tokens, renamed), defaultDatabase);
            return mapping.isTableSelected(source)
                    ? new LiveDdl(Kind.OTHER, source, null, "RENAME TABLE is not replayed yet; rows of the table under its new "
                            + "name are not migrated")
                    : IGNORED;
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
        if (!mapping.isTableSelected(source)) {
            return IGNORED;
        }
        if (kind == Kind.ALTER_TABLE && renamesTable(tokens, nameEnd)) {
            return new LiveDdl(kind, source, null, "ALTER TABLE ... RENAME is not replayed yet; the table keeps syncing under "
                    + "its old name only until the source task restarts");
        }
        String excluded = renameColumns(tokens, nameEnd, source, mapping, definitions.apply(source));
        if (excluded != null) {
            return new LiveDdl(kind, source, null, "it names column " + excluded + ", which is not migrated");
        }
        TableId destination = mapping.destinationOf(source);
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, name));
        out.addAll(List.of(DdlToken.identifier(destination.database()), DdlToken.symbol("."), DdlToken.identifier(destination.table())));
        out.addAll(tokens.subList(nameEnd, tokens.size()));
        return new LiveDdl(kind, source, Tokens.text(out).trim(), null);
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

    private static boolean renamesTable(List<DdlToken> tokens, int from) {
        for (int i = Tokens.word(tokens, from, "RENAME"); i >= 0; i = Tokens.word(tokens, i + 1, "RENAME")) {
            int next = Tokens.next(tokens, i + 1);
            if (next >= tokens.size() || !(tokens.get(next).isWord("COLUMN") || tokens.get(next).isWord("INDEX")
                    || tokens.get(next).isWord("KEY"))) {
                return true;
            }
        }
        return false;
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
