package dev.ferry.source.snapshot;

import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements that read a table with JSON columns in pages by its key, {@code ... ORDER BY key
 * LIMIT ?} and then {@code ... WHERE (key) > (?) ORDER BY key LIMIT ?}, all inside the snapshot's
 * transaction, so between two pages the connection is free to ask about the page's JSON documents
 * ({@link TypedJsonProbe}) and still sees the same row versions. On MySQL 8.0 each JSON column also
 * gets a flag column that says whether the document holds a DECIMAL, DATE, TIME or DATETIME scalar
 * anywhere, so only those documents are asked about.
 *
 * <p>Only keys whose order the server and a bound value agree on are paged: integers, decimals,
 * temporals, UTF-8 character columns (compared under the column's own collation, as ORDER BY sorts
 * them) and BINARY/VARBINARY.
 */
final class KeyPages {
    private static final Set<String> PAGED_TEXT = Set.of("char", "varchar");
    private static final Set<String> PAGED_BINARY = Set.of("binary", "varbinary");
    private static final String TYPED = "('DECIMAL', 'DATE', 'TIME', 'DATETIME')";

    private final MappedTable mapped;
    private final int[] keyIndexes;
    private final int[] keySourceIndexes;
    private final int[] jsonIndexes;
    private final int[] jsonSourceIndexes;
    private final boolean flags;

    private KeyPages(MappedTable mapped, int[] keyIndexes, int[] jsonIndexes, boolean flags) {
        this.mapped = mapped;
        this.keyIndexes = keyIndexes;
        this.jsonIndexes = jsonIndexes;
        this.flags = flags;
        int[] sourceIndexes = mapped.sourceIndexes();
        this.keySourceIndexes = new int[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            keySourceIndexes[i] = sourceIndexes[keyIndexes[i]];
        }
        this.jsonSourceIndexes = new int[jsonIndexes.length];
        for (int i = 0; i < jsonIndexes.length; i++) {
            jsonSourceIndexes[i] = sourceIndexes[jsonIndexes[i]];
        }
    }

    /**
     * The pages for {@code mapped} when it has JSON columns: null when it has none, or when its key
     * cannot be paged (see {@link #pageableKey}).
     *
     * @param flags whether the source evaluates the 8.0 flag expression ({@code JSON_TABLE})
     */
    static KeyPages of(MappedTable mapped, boolean flags) {
        TableDef table = mapped.destination();
        int[] json = java.util.stream.IntStream.range(0, table.columns().size())
                .filter(i -> isJson(table.columns().get(i)) && !table.columns().get(i).generated()).toArray();
        if (json.length == 0 || !pageableKey(mapped)) {
            return null;
        }
        return new KeyPages(mapped, table.keyIndexes(), json, flags);
    }

    static boolean isJson(ColumnDef column) {
        return column.dataType().equalsIgnoreCase("json");
    }

    /** A key exists and each of its columns is stored (not generated) and of a kind paged exactly. */
    static boolean pageableKey(MappedTable mapped) {
        TableDef table = mapped.destination();
        if (table.keyless()) {
            return false;
        }
        for (int index : table.keyIndexes()) {
            ColumnDef c = mapped.source().columns().get(mapped.sourceIndexes()[index]);
            String type = c.dataType().toLowerCase(Locale.ROOT);
            boolean ordered = switch (c.valueKind()) {
                case INTEGER, UNSIGNED_BIGINT, DECIMAL, TEMPORAL -> true;
                case TEXT -> PAGED_TEXT.contains(type) && !c.textAsBytes();
                case BINARY -> PAGED_BINARY.contains(type);
                default -> false;
            };
            if (!ordered || c.generated()) {
                return false;
            }
        }
        return true;
    }

    /** The first page, or with {@code after} the next one: the selected columns, then one flag per JSON column when asked for. */
    String sql(boolean after) {
        SqlBuilder sql = new SqlBuilder().sql(TableSnapshotReader.selectList(mapped));
        if (flags) {
            for (int index : jsonSourceIndexes) {
                String column = SqlBuilder.quote(mapped.source().columns().get(index).name());
                sql.sql(", (JSON_TYPE(").sql(column).sql(") IN ").sql(TYPED)
                        .sql(" OR EXISTS (SELECT 1 FROM JSON_TABLE(JSON_EXTRACT(").sql(column)
                        .sql(", '$**.*', '$**[*]'), '$[*]' COLUMNS (v JSON PATH '$')) AS ferry_scalars WHERE JSON_TYPE(ferry_scalars.v) IN ")
                        .sql(TYPED).sql("))");
            }
        }
        sql.sql(" FROM ").table(mapped.source().id());
        List<ColumnDef> sourceColumns = mapped.source().columns();
        String filter = mapped.filter() == null ? null : mapped.filter().sql();
        if (filter != null || after) {
            sql.sql(" WHERE ");
        }
        if (filter != null) {
            sql.sql(filter).sql(after ? " AND " : "");
        }
        if (after) {
            sql.sql("(");
            for (int i = 0; i < keySourceIndexes.length; i++) {
                sql.sql(i == 0 ? "" : ", ").identifier(sourceColumns.get(keySourceIndexes[i]).name());
            }
            sql.sql(") > (").placeholders(keySourceIndexes.length).sql(")");
        }
        sql.sql(" ORDER BY ");
        for (int i = 0; i < keySourceIndexes.length; i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(sourceColumns.get(keySourceIndexes[i]).name());
        }
        return sql.sql(" LIMIT ?").toString();
    }

    boolean flags() {
        return flags;
    }

    int[] keyIndexes() {
        return keyIndexes.clone();
    }

    int[] keySourceIndexes() {
        return keySourceIndexes.clone();
    }

    int[] jsonIndexes() {
        return jsonIndexes.clone();
    }

    int[] jsonSourceIndexes() {
        return jsonSourceIndexes.clone();
    }
}
