package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.core.schema.ValueKind;
import dev.ferry.core.sql.SqlBuilder;
import org.apache.kafka.connect.errors.ConnectException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Asks the source which of the candidate scalars ({@link JsonScalarCandidates}) of the JSON
 * documents just read are DECIMAL, DATE, TIME or DATETIME, with {@code JSON_TYPE(JSON_EXTRACT(doc, path))}
 * on the row found by its key, in the snapshot's own transaction: the answer is about the very row
 * version the scan read. Documents with typed scalars become {@link TypedJson} values, as the binlog
 * path makes them; the others are left as text. Rows are asked in batches of one statement.
 */
final class TypedJsonProbe {
    private static final int MAX_PARAMETERS = 4000;
    /** An empty member name, which MySQL 5.7's path syntax cannot address. */
    private static final Pattern EMPTY_NAME = Pattern.compile("\\.\"\"(?=[.\\[]|$)");

    private final Connection connection;
    private final TableId table;
    private final List<ColumnDef> sourceColumns;
    /** Positions in the read row of the key columns, and their source columns. */
    private final int[] keyIndexes;
    private final int[] keySourceIndexes;
    private final boolean emptyNames;
    private long unaddressable;

    /** One document to ask about. */
    private record Document(Object[] row, int column, String text, List<JsonScalarCandidates.Candidate> candidates) {
    }

    /**
     * @param keyIndexes positions of the key columns in the rows read
     * @param keySourceIndexes the key columns' positions in {@code sourceColumns}
     * @param emptyNames whether the source's path syntax addresses an empty member name (8.0 does, 5.7 does not)
     */
    TypedJsonProbe(Connection connection, TableId table, List<ColumnDef> sourceColumns, int[] keyIndexes, int[] keySourceIndexes,
                   boolean emptyNames) {
        this.connection = connection;
        this.table = table;
        this.sourceColumns = sourceColumns;
        this.keyIndexes = keyIndexes;
        this.keySourceIndexes = keySourceIndexes;
        this.emptyNames = emptyNames;
    }

    /** Candidate scalars under an empty member name on a 5.7 source, left as their text says. */
    long unaddressable() {
        return unaddressable;
    }

    /**
     * Types the JSON values of {@code rows} at the given row positions (reading each one's source
     * column from {@code sourceIndexes}), replacing documents that hold typed scalars in place.
     * {@code flagged}, when not null, says per row and JSON column whether the source found typed
     * scalars in it at all; unflagged documents are not asked about.
     */
    void type(List<Object[]> rows, int[] jsonIndexes, int[] jsonSourceIndexes, boolean[][] flagged) throws SQLException {
        List<Document> batch = new ArrayList<>();
        int parameters = 0;
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int j = 0; j < jsonIndexes.length; j++) {
                if (!(row[jsonIndexes[j]] instanceof String text) || (flagged != null && !flagged[r][j]) || !hasDigit(text)) {
                    continue;
                }
                List<JsonScalarCandidates.Candidate> candidates = addressable(JsonScalarCandidates.of(text));
                if (candidates.isEmpty()) {
                    continue;
                }
                batch.add(new Document(row, j, text, candidates));
                parameters += candidates.size() + keyIndexes.length;
                if (parameters >= MAX_PARAMETERS) {
                    ask(batch, jsonIndexes, jsonSourceIndexes);
                    batch.clear();
                    parameters = 0;
                }
            }
        }
        if (!batch.isEmpty()) {
            ask(batch, jsonIndexes, jsonSourceIndexes);
        }
    }

    private List<JsonScalarCandidates.Candidate> addressable(List<JsonScalarCandidates.Candidate> candidates) {
        if (emptyNames) {
            return candidates;
        }
        List<JsonScalarCandidates.Candidate> kept = new ArrayList<>(candidates.size());
        for (JsonScalarCandidates.Candidate c : candidates) {
            if (EMPTY_NAME.matcher(c.path()).find()) {
                unaddressable++;
            }
            else {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** One statement: per document {@code SELECT n, CONCAT_WS(',', JSON_TYPE(...), ...) FROM t WHERE key = ...}, by UNION ALL. */
    private void ask(List<Document> batch, int[] jsonIndexes, int[] jsonSourceIndexes) throws SQLException {
        SqlBuilder sql = new SqlBuilder();
        for (int d = 0; d < batch.size(); d++) {
            Document doc = batch.get(d);
            sql.sql(d == 0 ? "SELECT " : " UNION ALL SELECT ").sql(Integer.toString(d)).sql(", CONCAT_WS(','");
            String column = sourceColumns.get(jsonSourceIndexes[doc.column()]).name();
            for (int c = 0; c < doc.candidates().size(); c++) {
                sql.sql(", IFNULL(JSON_TYPE(JSON_EXTRACT(").identifier(column).sql(", ?)), 'MISSING')");
            }
            sql.sql(") FROM ").table(table).sql(" WHERE ");
            for (int k = 0; k < keySourceIndexes.length; k++) {
                sql.sql(k == 0 ? "" : " AND ").identifier(sourceColumns.get(keySourceIndexes[k]).name()).sql(" = ?");
            }
        }
        String[] answers = new String[batch.size()];
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Document doc : batch) {
                for (JsonScalarCandidates.Candidate c : doc.candidates()) {
                    ps.setString(p++, c.path());
                }
                for (int k = 0; k < keyIndexes.length; k++) {
                    bindKey(ps, p++, doc.row()[keyIndexes[k]], sourceColumns.get(keySourceIndexes[k]));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int d = rs.getInt(1);
                    if (answers[d] != null) {
                        throw rowNotFoundOnce();
                    }
                    answers[d] = rs.getString(2);
                }
            }
        }
        for (int d = 0; d < batch.size(); d++) {
            Document doc = batch.get(d);
            if (answers[d] == null) {
                throw rowNotFoundOnce();
            }
            List<String> types = Arrays.asList(answers[d].split(",", -1));
            List<TypedJson.Scalar> typed = JsonScalarCandidates.typed(doc.candidates(), types);
            if (!typed.isEmpty()) {
                doc.row()[jsonIndexes[doc.column()]] = TypedJson.valueOf(doc.text(), typed);
            }
        }
    }

    private ConnectException rowNotFoundOnce() {
        return new ConnectException("The snapshot of " + table + " could not find a row it had just read by its key, to learn the "
                + "types of the scalars inside its JSON documents. Report this with the table's definition.");
    }

    private static void bindKey(PreparedStatement ps, int index, Object value, ColumnDef column) throws SQLException {
        if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        }
        else if (column.valueKind() == ValueKind.FLOAT) {
            ps.setFloat(index, (Float) value);
        }
        else if (column.valueKind() == ValueKind.DOUBLE) {
            ps.setDouble(index, (Double) value);
        }
        else {
            ps.setObject(index, value);
        }
    }
}
