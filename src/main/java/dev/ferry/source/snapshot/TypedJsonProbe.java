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
 * documents of a page just read are DECIMAL, DATE, TIME or DATETIME, with
 * {@code JSON_TYPE(JSON_EXTRACT(doc, path))}, in the snapshot's own transaction: the answer is about
 * the very row versions the page read. Usually one statement over the page's key range answers for
 * the whole page; documents with long TIMEs, or columns with too many different paths, are asked
 * about row by row, found by key. Documents with typed scalars become {@link TypedJson} values, as
 * the binlog path makes them; the others are left as text.
 */
final class TypedJsonProbe {
    private static final int MAX_PARAMETERS = 4000;
    /** Most different paths of one JSON column in a page asked about in the page's one statement. */
    static final int MAX_PAGE_PATHS = 256;
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

    /** One document to ask about, with the long TIMEs among its candidates and their readings. */
    private static final class Document {
        private final Object[] row;
        private final int column;
        private final String text;
        private final List<JsonScalarCandidates.Candidate> candidates;
        private final List<JsonScalarCandidates.Candidate> longTimes = new ArrayList<>(0);
        private final List<List<String>> timeReadings = new ArrayList<>(0);
        /** Its row's position in the page, when asked about with the page. */
        int pageRow;

        Document(Object[] row, int column, String text, List<JsonScalarCandidates.Candidate> candidates) {
            this.row = row;
            this.column = column;
            this.text = text;
            this.candidates = candidates;
            for (JsonScalarCandidates.Candidate c : candidates) {
                if (JsonScalarCandidates.isTime(c)) {
                    List<String> readings = JsonScalarCandidates.timeReadings(c.text());
                    if (readings.size() > 1) {
                        longTimes.add(c);
                        timeReadings.add(readings);
                    }
                }
            }
        }

        Object[] row() {
            return row;
        }

        int column() {
            return column;
        }

        String text() {
            return text;
        }

        List<JsonScalarCandidates.Candidate> candidates() {
            return candidates;
        }

        List<JsonScalarCandidates.Candidate> longTimes() {
            return longTimes;
        }

        List<List<String>> timeReadings() {
            return timeReadings;
        }

        int parameters() {
            return candidates.size() + timeReadings.stream().mapToInt(r -> 2 * r.size()).sum();
        }
    }

    private static int readingsBefore(Document doc, int times) {
        int n = 0;
        for (int t = 0; t < times; t++) {
            n += doc.timeReadings().get(t).size();
        }
        return n;
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
     * Types the JSON values of one page of rows, read in key order, replacing documents that hold typed
     * scalars in place. The page's documents are asked about in one statement over the page's key
     * range, every row with every path any document of its column has ({@link KeyPages#probeSql});
     * a column whose documents have more than {@value #MAX_PAGE_PATHS} different paths, and documents
     * with long TIMEs to tell apart, are asked about row by row.
     *
     * @param after the key row the page starts after, or null for the first page
     */
    void typePage(KeyPages pages, List<Object[]> page, Object[] after) throws SQLException {
        int[] jsonIndexes = pages.jsonIndexes();
        List<Document> rowByRow = new ArrayList<>();
        List<List<Document>> byColumn = new ArrayList<>();
        List<java.util.Map<String, Integer>> paths = new ArrayList<>();
        for (int j = 0; j < jsonIndexes.length; j++) {
            byColumn.add(new ArrayList<>());
            paths.add(new java.util.LinkedHashMap<>());
        }
        for (int r = 0; r < page.size(); r++) {
            Object[] row = page.get(r);
            for (int j = 0; j < jsonIndexes.length; j++) {
                if (!(row[jsonIndexes[j]] instanceof String text) || !hasDigit(text)) {
                    continue;
                }
                List<JsonScalarCandidates.Candidate> candidates = addressable(JsonScalarCandidates.of(text));
                if (candidates.isEmpty()) {
                    continue;
                }
                Document document = new Document(row, j, text, candidates);
                if (!document.timeReadings().isEmpty()) {
                    rowByRow.add(document);
                    continue;
                }
                document.pageRow = r;
                byColumn.get(j).add(document);
                for (JsonScalarCandidates.Candidate c : candidates) {
                    paths.get(j).putIfAbsent(c.path(), paths.get(j).size());
                }
            }
        }
        List<Integer> asked = new ArrayList<>();
        for (int j = 0; j < jsonIndexes.length; j++) {
            if (paths.get(j).size() > MAX_PAGE_PATHS) {
                rowByRow.addAll(byColumn.get(j));
            }
            else if (!byColumn.get(j).isEmpty()) {
                asked.add(j);
            }
        }
        if (!asked.isEmpty()) {
            askPage(pages, page, after, asked, byColumn, paths);
        }
        type(rowByRow, jsonIndexes, pages.jsonSourceIndexes());
    }

    private void askPage(KeyPages pages, List<Object[]> page, Object[] after, List<Integer> asked, List<List<Document>> byColumn,
                         List<java.util.Map<String, Integer>> paths) throws SQLException {
        int[] columns = asked.stream().mapToInt(Integer::intValue).toArray();
        List<java.util.Set<String>> askedPaths = asked.stream().map(j -> paths.get(j).keySet()).toList();
        List<String[]> answers = new ArrayList<>(page.size());
        try (PreparedStatement ps = connection.prepareStatement(pages.probeSql(columns, askedPaths, after != null))) {
            int p = 1;
            Object[] last = page.get(page.size() - 1);
            List<Object[]> bounds = after == null ? List.<Object[]>of(last) : List.<Object[]>of(after, last);
            for (Object[] bound : bounds) {
                for (int k = 0; k < keyIndexes.length; k++) {
                    bindKey(ps, p++, bound[keyIndexes[k]], sourceColumns.get(keySourceIndexes[k]));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[columns.length];
                    for (int c = 0; c < columns.length; c++) {
                        row[c] = rs.getString(c + 1);
                    }
                    answers.add(row);
                }
            }
        }
        if (answers.size() != page.size()) {
            throw rowNotFoundOnce();
        }
        for (int c = 0; c < columns.length; c++) {
            java.util.Map<String, Integer> positions = paths.get(columns[c]);
            for (Document doc : byColumn.get(columns[c])) {
                String[] fields = answers.get(doc.pageRow)[c].split(",", -1);
                List<String> types = new ArrayList<>(doc.candidates().size());
                for (JsonScalarCandidates.Candidate candidate : doc.candidates()) {
                    types.add(fields[positions.get(candidate.path())]);
                }
                apply(doc, doc.candidates(), types, pages.jsonIndexes());
            }
        }
    }

    /** Sets the document's value from the source's answers: a {@link TypedJson} when it holds typed scalars. */
    private static void apply(Document doc, List<JsonScalarCandidates.Candidate> candidates, List<String> types, int[] jsonIndexes) {
        doc.row()[jsonIndexes[doc.column()]] = value(doc.text(), candidates, types);
    }

    /**
     * A document's value from the source's {@code JSON_TYPE} of each of its candidates (same order): a
     * {@link TypedJson} when it holds typed scalars or integral doubles, else its text.
     */
    static Object value(String json, List<JsonScalarCandidates.Candidate> candidates, List<String> types) {
        List<TypedJson.Scalar> typed = JsonScalarCandidates.typed(candidates, types);
        String text = JsonScalarCandidates.doublesAsDoubles(json, candidates, types);
        return typed.isEmpty() && text.equals(json) ? json : TypedJson.valueOf(text, typed);
    }

    /** Whether a path goes through an empty member name, which MySQL 5.7's path syntax cannot address. */
    static boolean underEmptyName(String path) {
        return EMPTY_NAME.matcher(path).find();
    }

    /** Types the given documents row by row, found by key, in batches of one statement. */
    private void type(List<Document> documents, int[] jsonIndexes, int[] jsonSourceIndexes) throws SQLException {
        List<Document> batch = new ArrayList<>();
        int parameters = 0;
        for (Document document : documents) {
            batch.add(document);
            parameters += document.parameters() + keyIndexes.length;
            if (parameters >= MAX_PARAMETERS) {
                ask(batch, jsonIndexes, jsonSourceIndexes);
                batch.clear();
                parameters = 0;
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
            if (underEmptyName(c.path())) {
                unaddressable++;
            }
            else {
                kept.add(c);
            }
        }
        return kept;
    }

    static boolean hasDigit(String text) {
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
            // Which reading of a long TIME the stored value is: compared as TIME values, which MySQL does exactly.
            for (List<String> readings : doc.timeReadings()) {
                for (int r = 0; r < readings.size(); r++) {
                    sql.sql(", IFNULL(JSON_EXTRACT(").identifier(column).sql(", ?) = CAST(? AS TIME(6)), 0)");
                }
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
                for (int t = 0; t < doc.timeReadings().size(); t++) {
                    for (String reading : doc.timeReadings().get(t)) {
                        ps.setString(p++, doc.longTimes().get(t).path());
                        ps.setString(p++, reading);
                    }
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
            List<String> fields = Arrays.asList(answers[d].split(",", -1));
            int count = doc.candidates().size();
            List<JsonScalarCandidates.Candidate> candidates = new ArrayList<>(doc.candidates());
            int at = count;
            for (int t = 0; t < doc.timeReadings().size(); t++) {
                List<String> readings = doc.timeReadings().get(t);
                JsonScalarCandidates.Candidate time = doc.longTimes().get(t);
                for (String reading : readings) {
                    if (fields.get(at++).equals("1")) {
                        candidates.set(candidates.indexOf(time), time.withText(reading));
                        break;
                    }
                }
                at = count + readingsBefore(doc, t + 1);
            }
            apply(doc, candidates, fields.subList(0, count), jsonIndexes);
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
