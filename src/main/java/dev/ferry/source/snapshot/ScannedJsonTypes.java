package dev.ferry.source.snapshot;

import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types the JSON documents of a table read in one streaming scan (no key Ferry can page by), in two
 * passes inside the snapshot's transaction, which both see the same row versions. The first pass
 * ({@link #learn}) reads only the JSON columns and collects, per column, every path holding a
 * candidate scalar ({@link JsonScalarCandidates}) and the readings of its long TIMEs; the scan then
 * asks, with every row, {@code JSON_TYPE(JSON_EXTRACT(doc, path))} at each of those paths
 * ({@link #selectSql}), so each row arrives with the types of its own scalars and needs no identity.
 */
final class ScannedJsonTypes {
    /** Most placeholders of the scan, below MySQL's limit of 65,535 per prepared statement. */
    static final int MAX_PARAMETERS = 60_000;

    private final int[] jsonIndexes;
    private final String[] names;
    private final boolean emptyNames;
    /** Per JSON column: path to its field in the column's answer. */
    private final List<Map<String, Integer>> paths = new ArrayList<>();
    /** Per JSON column: path, then long-TIME reading, to its field in the column's answer. */
    private final List<Map<String, Map<String, Integer>>> readings = new ArrayList<>();
    private final List<Integer> asked = new ArrayList<>();
    private final List<String> untyped = new ArrayList<>();
    private long unaddressable;

    private ScannedJsonTypes(int[] jsonIndexes, String[] names, boolean emptyNames) {
        this.jsonIndexes = jsonIndexes;
        this.names = names;
        this.emptyNames = emptyNames;
        for (int j = 0; j < jsonIndexes.length; j++) {
            paths.add(new LinkedHashMap<>());
            readings.add(new LinkedHashMap<>());
        }
    }

    /**
     * The first pass: reads the table's JSON columns (under its row filter) and learns which paths to
     * ask about. Null when the table has no JSON column or no document holds a candidate.
     *
     * @param emptyNames whether the source's path syntax addresses an empty member name (8.0 does, 5.7 does not)
     */
    static ScannedJsonTypes learn(Connection connection, MappedTable mapped, boolean emptyNames) throws SQLException {
        ScannedJsonTypes types = of(mapped, emptyNames);
        if (types == null) {
            return null;
        }
        SqlBuilder sql = new SqlBuilder().sql("SELECT ");
        for (int j = 0; j < types.names.length; j++) {
            sql.sql(j == 0 ? "" : ", ").identifier(types.names[j]);
        }
        sql.sql(" FROM ").table(mapped.source().id());
        if (mapped.filter() != null) {
            sql.sql(" WHERE ").sql(mapped.filter().sql());
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int j = 0; j < types.names.length; j++) {
                        types.learn(j, rs.getString(j + 1));
                    }
                }
            }
        }
        return types.bound() ? types : null;
    }

    /** The table's JSON columns, nothing learnt yet; null when it has none. */
    static ScannedJsonTypes of(MappedTable mapped, boolean emptyNames) {
        List<ColumnDef> columns = mapped.destination().columns();
        List<ColumnDef> sourceColumns = mapped.source().columns();
        int[] sourceIndexes = mapped.sourceIndexes();
        List<Integer> json = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (KeyPages.isJson(columns.get(i)) && !columns.get(i).generated()) {
                json.add(i);
            }
        }
        if (json.isEmpty()) {
            return null;
        }
        int[] jsonIndexes = json.stream().mapToInt(Integer::intValue).toArray();
        String[] names = new String[jsonIndexes.length];
        for (int j = 0; j < jsonIndexes.length; j++) {
            names[j] = sourceColumns.get(sourceIndexes[jsonIndexes[j]]).name();
        }
        return new ScannedJsonTypes(jsonIndexes, names, emptyNames);
    }

    /** Learns the candidate paths of one document of the {@code column}-th JSON column (its text as read, or null). */
    void learn(int column, String document) {
        String text = JsonNegativeZero.keepSign(document);
        if (text != null && TypedJsonProbe.hasDigit(text)) {
            collect(column, addressable(JsonScalarCandidates.of(text), true));
        }
    }

    private void collect(int column, List<JsonScalarCandidates.Candidate> candidates) {
        Map<String, Integer> columnPaths = paths.get(column);
        for (JsonScalarCandidates.Candidate c : candidates) {
            columnPaths.putIfAbsent(c.path(), columnPaths.size());
            if (JsonScalarCandidates.isTime(c)) {
                List<String> times = JsonScalarCandidates.timeReadings(c.text());
                if (times.size() > 1) {
                    Map<String, Integer> byReading = readings.get(column).computeIfAbsent(c.path(), p -> new LinkedHashMap<>());
                    for (String reading : times) {
                        byReading.putIfAbsent(reading, -1);
                    }
                }
            }
        }
    }

    /** Numbers the fields of each column's answer and picks the columns asked about, within {@link #MAX_PARAMETERS}. */
    boolean bound() {
        int parameters = 0;
        for (int j = 0; j < jsonIndexes.length; j++) {
            int field = paths.get(j).size();
            int columnParameters = field;
            for (Map<String, Integer> byReading : readings.get(j).values()) {
                for (Map.Entry<String, Integer> e : byReading.entrySet()) {
                    e.setValue(field++);
                    columnParameters += 2;
                }
            }
            if (field == 0) {
                continue;
            }
            if (parameters + columnParameters > MAX_PARAMETERS) {
                untyped.add(names[j] + " (" + paths.get(j).size() + " paths)");
                continue;
            }
            parameters += columnParameters;
            asked.add(j);
        }
        return !asked.isEmpty() || !untyped.isEmpty() || unaddressable > 0;
    }

    /** Candidates the source can be asked about: on 5.7, none under an empty member name. */
    private List<JsonScalarCandidates.Candidate> addressable(List<JsonScalarCandidates.Candidate> candidates, boolean count) {
        if (emptyNames) {
            return candidates;
        }
        List<JsonScalarCandidates.Candidate> kept = new ArrayList<>(candidates.size());
        for (JsonScalarCandidates.Candidate c : candidates) {
            if (!TypedJsonProbe.underEmptyName(c.path())) {
                kept.add(c);
            }
            else if (count) {
                unaddressable++;
            }
        }
        return kept;
    }

    /** The scan's statement: the table's select list, then one answer per JSON column asked about. */
    String selectSql(MappedTable mapped) {
        SqlBuilder sql = new SqlBuilder().sql(TableSnapshotReader.selectList(mapped));
        for (int j : asked) {
            sql.sql(", CONCAT_WS(','");
            for (int p = 0; p < paths.get(j).size(); p++) {
                sql.sql(", IFNULL(JSON_TYPE(JSON_EXTRACT(").identifier(names[j]).sql(", ?)), 'MISSING')");
            }
            // Which reading of a long TIME the stored value is: compared as TIME values, which MySQL does exactly.
            for (Map<String, Integer> byReading : readings.get(j).values()) {
                for (int r = 0; r < byReading.size(); r++) {
                    sql.sql(", IFNULL(JSON_EXTRACT(").identifier(names[j]).sql(", ?) = CAST(? AS TIME(6)), 0)");
                }
            }
            sql.sql(")");
        }
        sql.sql(" FROM ").table(mapped.source().id());
        if (mapped.filter() != null) {
            sql.sql(" WHERE ").sql(mapped.filter().sql());
        }
        return sql.toString();
    }

    /** Binds the scan's placeholders. */
    void bind(PreparedStatement ps) throws SQLException {
        int p = 1;
        for (int j : asked) {
            for (String path : paths.get(j).keySet()) {
                ps.setString(p++, path);
            }
            for (Map.Entry<String, Map<String, Integer>> e : readings.get(j).entrySet()) {
                for (String reading : e.getValue().keySet()) {
                    ps.setString(p++, e.getKey());
                    ps.setString(p++, reading);
                }
            }
        }
    }

    /**
     * Replaces, in a row just read, each JSON document holding typed scalars with its {@code TypedJson}
     * value, from the answers following the select list.
     *
     * @param first the result column of the first answer
     */
    void type(Object[] row, ResultSet rs, int first) throws SQLException {
        String[] answers = new String[asked.size()];
        for (int a = 0; a < answers.length; a++) {
            answers[a] = rs.getString(first + a);
        }
        type(row, answers);
    }

    /** As {@link #type(Object[], ResultSet, int)}, given the answers, one per JSON column asked about. */
    void type(Object[] row, String[] answers) {
        for (int a = 0; a < asked.size(); a++) {
            int j = asked.get(a);
            if (!(row[jsonIndexes[j]] instanceof String text) || !TypedJsonProbe.hasDigit(text)) {
                continue;
            }
            List<JsonScalarCandidates.Candidate> candidates = new ArrayList<>(addressable(JsonScalarCandidates.of(text), false));
            if (candidates.isEmpty()) {
                continue;
            }
            String[] fields = answers[a].split(",", -1);
            List<String> types = new ArrayList<>(candidates.size());
            for (int c = 0; c < candidates.size(); c++) {
                JsonScalarCandidates.Candidate candidate = candidates.get(c);
                types.add(fields[paths.get(j).get(candidate.path())]);
                Map<String, Integer> byReading = readings.get(j).get(candidate.path());
                if (byReading != null && JsonScalarCandidates.isTime(candidate)) {
                    for (String reading : JsonScalarCandidates.timeReadings(candidate.text())) {
                        if (fields[byReading.get(reading)].equals("1")) {
                            candidates.set(c, candidate.withText(reading));
                            break;
                        }
                    }
                }
            }
            row[jsonIndexes[j]] = TypedJsonProbe.value(text, candidates, types);
        }
    }

    /** Candidate scalars under an empty member name on a 5.7 source, left as their text says. */
    long unaddressable() {
        return unaddressable;
    }

    /** JSON columns with more paths than one statement can ask about, left as their text says. */
    List<String> untyped() {
        return untyped;
    }
}
