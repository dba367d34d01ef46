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
 * ({@link TypedJsonProbe}, one statement over the page's key range) and still sees the same row
 * versions.
 *
 * <p>Only keys whose order the server and a bound value agree on are paged: integers, decimals,
 * temporals, UTF-8 character columns (compared under the column's own collation, as ORDER BY sorts
 * them) and BINARY/VARBINARY.
 */
final class KeyPages {
    private static final Set<String> PAGED_TEXT = Set.of("char", "varchar");
    private static final Set<String> PAGED_BINARY = Set.of("binary", "varbinary");

    private final MappedTable mapped;
    private final int[] keyIndexes;
    private final int[] keySourceIndexes;
    private final int[] jsonIndexes;
    private final int[] jsonSourceIndexes;

    private KeyPages(MappedTable mapped, int[] keyIndexes, int[] jsonIndexes) {
        this.mapped = mapped;
        this.keyIndexes = keyIndexes;
        this.jsonIndexes = jsonIndexes;
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
     */
    static KeyPages of(MappedTable mapped) {
        TableDef table = mapped.destination();
        int[] json = java.util.stream.IntStream.range(0, table.columns().size())
                .filter(i -> isJson(table.columns().get(i)) && !table.columns().get(i).generated()).toArray();
        if (json.length == 0 || !pageableKey(mapped)) {
            return null;
        }
        return new KeyPages(mapped, table.keyIndexes(), json);
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

    /** The first page, or with {@code after} the next one: the selected columns. */
    String sql(boolean after) {
        SqlBuilder sql = new SqlBuilder().sql(TableSnapshotReader.selectList(mapped));
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

    /**
     * The statement that asks, for every row of a page, the {@code JSON_TYPE} at given paths of given
     * JSON columns: per column {@code CONCAT_WS(',', IFNULL(JSON_TYPE(JSON_EXTRACT(col, 'path')), '-'), ...)},
     * over the page's rows ({@code (key) > (?)} when {@code after}, and {@code (key) <= (?)}) in key order.
     * The paths are written as constants (UTF-8 hex literals, whatever the sql_mode), which MySQL parses
     * once per statement rather than once per row.
     *
     * @param columns positions in {@link #jsonIndexes()} of the columns asked about
     * @param paths the paths each of them is asked at
     */
    String probeSql(int[] columns, List<? extends java.util.Collection<String>> paths, boolean after) {
        SqlBuilder sql = new SqlBuilder().sql("SELECT ");
        List<ColumnDef> sourceColumns = mapped.source().columns();
        for (int c = 0; c < columns.length; c++) {
            String column = SqlBuilder.quote(sourceColumns.get(jsonSourceIndexes[columns[c]]).name());
            sql.sql(c == 0 ? "CONCAT_WS(','" : ", CONCAT_WS(','");
            for (String path : paths.get(c)) {
                sql.sql(", IFNULL(JSON_TYPE(JSON_EXTRACT(").sql(column).sql(", _utf8mb4 X'")
                        .sql(java.util.HexFormat.of().formatHex(path.getBytes(java.nio.charset.StandardCharsets.UTF_8))).sql("')), '-')");
            }
            sql.sql(")");
        }
        sql.sql(" FROM ").table(mapped.source().id()).sql(" WHERE ");
        if (mapped.filter() != null) {
            sql.sql(mapped.filter().sql()).sql(" AND ");
        }
        if (after) {
            keyRow(sql).sql(" > (").placeholders(keySourceIndexes.length).sql(") AND ");
        }
        keyRow(sql).sql(" <= (").placeholders(keySourceIndexes.length).sql(") ORDER BY ");
        for (int i = 0; i < keySourceIndexes.length; i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(sourceColumns.get(keySourceIndexes[i]).name());
        }
        return sql.toString();
    }

    private SqlBuilder keyRow(SqlBuilder sql) {
        sql.sql("(");
        for (int i = 0; i < keySourceIndexes.length; i++) {
            sql.sql(i == 0 ? "" : ", ").identifier(mapped.source().columns().get(keySourceIndexes[i]).name());
        }
        return sql.sql(")");
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
