package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the source's {@code SHOW CREATE TABLE} text into the destination's {@code CREATE TABLE IF NOT
 * EXISTS}, under the migration's {@link ObjectMapping}, by rewriting identifier tokens (never text):
 *
 * <ul>
 *   <li>the table gets its destination name, qualified with its destination database;</li>
 *   <li>a column left out is dropped, and with it every index and check constraint that uses it and
 *       every foreign key whose own columns include it;</li>
 *   <li>a renamed column is renamed in its definition, in index key parts, generated column and
 *       check expressions, foreign keys, and the partitioning expression;</li>
 *   <li>a foreign key gets the referenced table's destination name and column names; one whose
 *       referenced table or columns are not migrated is dropped (reported through {@code dropped});</li>
 *   <li>everything else (types, defaults, ON UPDATE, comments, index kinds and names, table options
 *       including AUTO_INCREMENT, partitioning) is kept as the source server wrote it.</li>
 * </ul>
 */
public final class CreateTableRewriter {
    private final ObjectMapping mapping;
    private final Consumer<String> dropped;

    /**
     * @param dropped receives a sentence for every foreign key or index left out with a column or table
     */
    public CreateTableRewriter(ObjectMapping mapping, Consumer<String> dropped) {
        this.mapping = mapping;
        this.dropped = dropped;
    }

    /**
     * @param source the source table's definition (its columns name what identifiers in expressions refer to)
     * @param showCreateTable the second column of {@code SHOW CREATE TABLE} on the source
     * @throws DdlSyntaxException when the text is not a CREATE TABLE statement
     */
    public String rewrite(TableDef source, String showCreateTable) {
        return rewrite(source, showCreateTable, null);
    }

    /**
     * As {@link #rewrite(TableDef, String)}, with the table's default collation written out when the
     * source left it implicit ({@code DEFAULT CHARSET=utf8mb4} alone): the charset's default collation
     * differs between versions (5.7's utf8mb4 default is utf8mb4_general_ci, 8.0's utf8mb4_0900_ai_ci),
     * so an implicit one would change every inheriting column's collation on the way from 5.7 to 8.0.
     *
     * @param tableCollation the source table's {@code TABLE_COLLATION}; null to keep the options as written
     */
    public String rewrite(TableDef source, String showCreateTable, String tableCollation) {
        List<DdlToken> tokens = DdlTokenizer.tokenize(showCreateTable);
        int create = Tokens.next(tokens, 0);
        int table = Tokens.next(tokens, create + 1);
        if (create >= tokens.size() || !tokens.get(create).isWord("CREATE") || table >= tokens.size()
                || !tokens.get(table).isWord("TABLE")) {
            throw new DdlSyntaxException("not a CREATE TABLE statement for " + source.id());
        }
        int open = Tokens.openParen(tokens, table);
        if (open < 0) {
            throw new DdlSyntaxException("CREATE TABLE for " + source.id() + " has no column list");
        }
        int close = Tokens.closeParen(tokens, open);
        ColumnRefs columns = new ColumnRefs(source.id(), source.columns());
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, table + 1));
        out.addAll(List.of(DdlToken.space(), DdlToken.word("IF"), DdlToken.space(), DdlToken.word("NOT"), DdlToken.space(),
                DdlToken.word("EXISTS"), DdlToken.space()));
        out.addAll(qualified(mapping.destinationOf(source.id())));
        out.add(DdlToken.space());
        out.add(tokens.get(open));
        // The line break before the closing parenthesis stays there whichever element comes last.
        int bodyEnd = close;
        while (bodyEnd > open + 1 && !tokens.get(bodyEnd - 1).significant()) {
            bodyEnd--;
        }
        List<List<DdlToken>> kept = new ArrayList<>();
        for (List<DdlToken> element : Tokens.splitTopLevel(tokens, open + 1, bodyEnd)) {
            List<DdlToken> rewritten = element(element, columns);
            if (rewritten != null) {
                kept.add(rewritten);
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            if (i > 0) {
                out.add(DdlToken.symbol(","));
            }
            out.addAll(kept.get(i));
        }
        out.addAll(tokens.subList(bodyEnd, close + 1));
        out.addAll(explicitCollation(partitioning(new ArrayList<>(tokens.subList(close + 1, tokens.size())), columns),
                tableCollation));
        return Tokens.text(out);
    }

    /** Table options with {@code COLLATE=<collation>} after the default character set when they name none. */
    private static List<DdlToken> explicitCollation(List<DdlToken> options, String collation) {
        if (collation == null || Tokens.word(options, 0, "COLLATE") >= 0) {
            return options;
        }
        int charset = Tokens.word(options, 0, "CHARSET");
        if (charset < 0) {
            int character = Tokens.word(options, 0, "CHARACTER");
            charset = character < 0 ? -1 : Tokens.word(options, character + 1, "SET");
        }
        if (charset < 0) {
            return options;
        }
        int value = Tokens.next(options, charset + 1);
        if (value < options.size() && options.get(value).isSymbol("=")) {
            value = Tokens.next(options, value + 1);
        }
        if (value >= options.size()) {
            return options;
        }
        List<DdlToken> out = new ArrayList<>(options.subList(0, value + 1));
        out.addAll(List.of(DdlToken.space(), DdlToken.word("COLLATE"), DdlToken.symbol("="), DdlToken.word(collation)));
        out.addAll(options.subList(value + 1, options.size()));
        return out;
    }

    private List<DdlToken> element(List<DdlToken> element, ColumnRefs columns) {
        List<DdlToken> tokens = new ArrayList<>(element);
        int first = Tokens.next(tokens, 0);
        DdlToken head = tokens.get(first);
        if (head.type() == DdlToken.Type.QUOTED_IDENTIFIER) {
            return column(tokens, first, columns);
        }
        int kind = first;
        if (head.isWord("CONSTRAINT")) {
            kind = Tokens.next(tokens, first + 1);
            if (kind < tokens.size() && tokens.get(kind).type() == DdlToken.Type.QUOTED_IDENTIFIER) {
                kind = Tokens.next(tokens, kind + 1);
            }
        }
        DdlToken what = tokens.get(kind);
        if (what.isWord("FOREIGN")) {
            return foreignKey(tokens, kind, columns);
        }
        // PRIMARY KEY, UNIQUE, KEY, INDEX, FULLTEXT, SPATIAL, CHECK: the first group holds key parts or the expression.
        int open = Tokens.openParen(tokens, kind);
        if (open < 0) {
            return tokens;
        }
        int close = Tokens.closeParen(tokens, open);
        String excluded = columns.rename(tokens, open, close, false);
        if (excluded != null) {
            dropped.accept("`" + Tokens.text(tokens.subList(first, open)).trim() + "` of " + columns.table
                    + " uses column " + excluded + ", which is left out, so it is not created");
            return null;
        }
        return tokens;
    }

    private List<DdlToken> column(List<DdlToken> tokens, int first, ColumnRefs columns) {
        String name = tokens.get(first).name();
        if (!mapping.isColumnSelected(columns.table, columns.sourceName(name))) {
            return null;
        }
        tokens.set(first, DdlToken.identifier(mapping.destinationColumn(columns.table, columns.sourceName(name))));
        String excluded = columns.rename(tokens, first + 1, tokens.size(), false);
        if (excluded != null) {
            throw new MappingException(NameRules.COLUMNS_KEY, "Column " + columns.table + "." + name + " is computed from "
                    + excluded + ", which is left out; exclude " + name + " too, or select " + excluded + ".");
        }
        return withoutInheritedCollation(tokens);
    }

    /**
     * The server writes {@code COLLATE x} without {@code CHARACTER SET} exactly when a column has the
     * table's default collation and that is not its character set's primary one. Given back as
     * written, 8.0 records the collation as explicit and writes {@code CHARACTER SET} from then on; left
     * out, the column inherits the same collation and the destination's {@code SHOW CREATE TABLE}
     * equals the source's.
     */
    private static List<DdlToken> withoutInheritedCollation(List<DdlToken> tokens) {
        if (Tokens.word(tokens, 0, "CHARACTER") >= 0 || Tokens.word(tokens, 0, "CHARSET") >= 0) {
            return tokens;
        }
        int collate = Tokens.word(tokens, 0, "COLLATE");
        int name = collate < 0 ? -1 : Tokens.next(tokens, collate + 1);
        if (name < 0 || name >= tokens.size() || !tokens.get(name).isIdentifier()) {
            return tokens;
        }
        int from = collate > 0 && tokens.get(collate - 1).type() == DdlToken.Type.WHITESPACE ? collate - 1 : collate;
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, from));
        out.addAll(tokens.subList(name + 1, tokens.size()));
        return out;
    }

    /** {@code [CONSTRAINT name] FOREIGN KEY [name] (cols) REFERENCES [db.]table (cols) [ON ...]}. */
    private List<DdlToken> foreignKey(List<DdlToken> tokens, int foreign, ColumnRefs columns) {
        int open = Tokens.openParen(tokens, foreign);
        int close = Tokens.closeParen(tokens, open);
        String description = "Foreign key `" + Tokens.text(tokens.subList(Tokens.next(tokens, 0), open)).trim() + "` of " + columns.table;
        String excluded = columns.rename(tokens, open, close, false);
        if (excluded != null) {
            dropped.accept(description + " uses column " + excluded + ", which is left out, so it is not created");
            return null;
        }
        int references = Tokens.word(tokens, close + 1, "REFERENCES");
        int nameStart = Tokens.next(tokens, references + 1);
        int refOpen = Tokens.openParen(tokens, nameStart);
        List<String> parts = new ArrayList<>();
        for (int i = nameStart; i < refOpen; i++) {
            if (tokens.get(i).isIdentifier()) {
                parts.add(tokens.get(i).name());
            }
        }
        TableId parent = parts.size() == 2 ? new TableId(parts.get(0), parts.get(1)) : new TableId(columns.table.database(), parts.get(0));
        if (!mapping.isTableSelected(parent)) {
            dropped.accept(description + " references " + parent + ", which is not migrated, so it is not created");
            return null;
        }
        int refClose = Tokens.closeParen(tokens, refOpen);
        for (int i = refOpen; i < refClose; i++) {
            DdlToken token = tokens.get(i);
            if (token.type() == DdlToken.Type.QUOTED_IDENTIFIER) {
                if (!mapping.isColumnSelected(parent, token.name())) {
                    dropped.accept(description + " references column " + parent + "." + token.name()
                            + ", which is left out, so it is not created");
                    return null;
                }
                tokens.set(i, DdlToken.identifier(mapping.destinationColumn(parent, token.name())));
            }
        }
        List<DdlToken> out = new ArrayList<>(tokens.subList(0, nameStart));
        out.addAll(qualified(mapping.destinationOf(parent)));
        out.add(DdlToken.space());
        out.addAll(tokens.subList(refOpen, tokens.size()));
        return out;
    }

    /** Renames the columns named in {@code PARTITION BY ... (expr)} and {@code SUBPARTITION BY ... (expr)}. */
    private static List<DdlToken> partitioning(List<DdlToken> tail, ColumnRefs columns) {
        for (int i = 0; i < tail.size(); i++) {
            if (!tail.get(i).isWord("BY")) {
                continue;
            }
            int open = Tokens.openParen(tail, i);
            if (open < 0) {
                break;
            }
            int close = Tokens.closeParen(tail, open);
            // 5.7 writes partitioning expressions with bare column names.
            String excluded = columns.rename(tail, open, close, true);
            if (excluded != null) {
                throw new MappingException(ObjectMapping.COLUMN_EXCLUDE_KEY, "Table " + columns.table + " is partitioned by column "
                        + excluded + ", which is left out; select it.");
            }
            i = close;
        }
        return tail;
    }

    private static List<DdlToken> qualified(TableId table) {
        return List.of(DdlToken.identifier(table.database()), DdlToken.symbol("."), DdlToken.identifier(table.table()));
    }

    /** The source table's columns, and renaming references to them in a token range. */
    private final class ColumnRefs {
        private final TableId table;
        private final Map<String, String> byFoldedName = new HashMap<>();

        ColumnRefs(TableId table, List<ColumnDef> columns) {
            this.table = table;
            columns.forEach(c -> byFoldedName.put(c.name().toLowerCase(Locale.ROOT), c.name()));
        }

        String sourceName(String written) {
            return byFoldedName.getOrDefault(written.toLowerCase(Locale.ROOT), written);
        }

        /**
         * Renames every column reference in {@code tokens[from, to)}: quoted identifiers naming a column,
         * and with {@code bareWords} also unquoted ones not followed by {@code (}.
         *
         * @return the first column referenced that is left out, or null
         */
        String rename(List<DdlToken> tokens, int from, int to, boolean bareWords) {
            for (int i = from; i < to; i++) {
                DdlToken token = tokens.get(i);
                boolean candidate = token.type() == DdlToken.Type.QUOTED_IDENTIFIER
                        || bareWords && token.type() == DdlToken.Type.WORD && !followedByParen(tokens, i);
                String column = candidate ? byFoldedName.get(token.folded()) : null;
                if (column == null) {
                    continue;
                }
                if (!mapping.isColumnSelected(table, column)) {
                    return column;
                }
                String destination = mapping.destinationColumn(table, column);
                if (!destination.equals(column) || token.type() == DdlToken.Type.QUOTED_IDENTIFIER) {
                    tokens.set(i, DdlToken.identifier(destination));
                }
            }
            return null;
        }

        private boolean followedByParen(List<DdlToken> tokens, int i) {
            int next = Tokens.next(tokens, i + 1);
            return next < tokens.size() && tokens.get(next).isSymbol("(");
        }
    }
}
