package dev.ferry.sink.write;

import com.mysql.cj.jdbc.JdbcStatement;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.bind.LoadDataText;
import dev.ferry.sink.dialect.LoadDataStatement;
import dev.ferry.sink.dialect.TypedJsonValues;
import dev.ferry.sink.dialect.WritableColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run of whole rows with {@code LOAD DATA LOCAL INFILE}, streamed from memory, inside the
 * sink's open transaction: the destination parses the rows itself instead of one large statement,
 * and the worker renders values straight into bytes instead of escaping strings for SQL.
 *
 * <p>Exactness: with LOCAL the server cannot stop the transfer, so it turns data errors (a value out
 * of range, too long, not in the column's character set) and duplicate keys into warnings and
 * stores what it can; with REPLACE in strict mode a data error stays an error. Each load therefore
 * runs after a savepoint; when it reports any warning or error that is not transient, or fewer rows
 * than it was given, it is rolled back to the savepoint and its rows go to the caller's statements,
 * which store them exactly or fail with the server's exact error naming the table. A load that
 * succeeds is exactly what the statements would have written.
 *
 * <p>When the destination (or the URL's {@code allowLoadLocalInfile=false}) refuses LOCAL, the writer
 * says so once in the log and from then on leaves every row to the statements. Connector/J is always
 * handed a stream for a LOCAL request, never allowed to open a file: after each load the connection
 * keeps an empty stream.
 */
public final class LoadDataWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LoadDataWriter.class);
    /**
     * Bytes of rendered rows per load. Connector/J allocates a 1 MB buffer for every load, so loads
     * much smaller than that make mostly garbage; larger ones hold more memory and redo more rows when
     * one falls back.
     */
    static final int LOAD_BYTES = 4 * 1024 * 1024;
    private static final int ER_NOT_ALLOWED_COMMAND = 1148;
    private static final int ER_CLIENT_LOCAL_FILES_DISABLED = 3948;

    private final LoadDataText text = new LoadDataText();
    private final int minRows;
    private boolean enabled;
    private long loadedRows;
    private long fallbacks;

    /**
     * @param enabled whether loads are tried at all (sink setting {@code load.data})
     * @param minRows fewer rows than this go as statements
     */
    public LoadDataWriter(boolean enabled, int minRows) {
        this.enabled = enabled;
        this.minRows = Math.max(1, minRows);
    }

    /** How many rows loads have written, counting those a failed transaction rolled back later. */
    public long loadedRows() {
        return loadedRows;
    }

    /** How many loads were rolled back to their savepoint and left to statements. */
    public long fallbacks() {
        return fallbacks;
    }

    /** Whether loads are still tried; false once the destination refused LOCAL. */
    public boolean enabled() {
        return enabled;
    }

    /** Writes rows with statements: what a run too short for a load, or a load that fell back, goes through. */
    @FunctionalInterface
    interface Statements {
        void write(List<Object[]> rows) throws WriteException;
    }

    /**
     * Writes {@code rows} (full row images) into {@code table}: loads of up to {@link #LOAD_BYTES} bytes each,
     * and through {@code statements} the rows of every load that falls back (and all rows when loads are off,
     * refused, or the run is shorter than {@code minRows}).
     */
    void write(StatementWriter writer, TableDef table, LoadDataStatement statement, WritableColumns columns,
               List<Object[]> rows, StatementKind kind, boolean rowsMaySkip, Statements statements) throws WriteException {
        if (!enabled || rows.size() < minRows) {
            statements.write(rows);
            return;
        }
        if (!textBytesEverywhere(columns, rows)) {
            // The load reads these columns' fields as hexadecimal bytes; a decoded string there has no exact bytes.
            statements.write(rows);
            return;
        }
        if (!TypedJsonValues.any(columns, rows)) {
            loadAll(writer, table, statement, columns, rows, kind, rowsMaySkip, statements);
            return;
        }
        // Documents with typed scalars (TypedJson) load with a JSON_SET per column whose paths and types are
        // part of the statement: consecutive rows of one shape go in one load, in their order.
        int start = 0;
        while (start < rows.size()) {
            List<List<TypedJson.Scalar>> shape = shapeOf(columns, rows.get(start));
            int end = start + 1;
            while (end < rows.size() && shape.equals(shapeOf(columns, rows.get(end)))) {
                end++;
            }
            List<Object[]> run = rows.subList(start, end);
            if (run.size() < minRows) {
                statements.write(run);
            }
            else {
                loadAll(writer, table, shape.stream().allMatch(List::isEmpty) ? statement : statement.withTypedJson(shape),
                        columns, run, kind, rowsMaySkip, statements);
            }
            start = end;
        }
    }

    /** Per writable column, the paths and types (no literals; the size of those whose function depends on it) of the typed scalars of its JSON document in {@code row}. */
    static List<List<TypedJson.Scalar>> shapeOf(WritableColumns columns, Object[] row) {
        List<List<TypedJson.Scalar>> shape = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[columns.imageIndex(i)];
            if (!TypedJsonValues.isTyped(columns.column(i), value)) {
                shape.add(List.of());
                continue;
            }
            List<TypedJson.Scalar> scalars = TypedJson.decode((String) value).scalars();
            List<TypedJson.Scalar> withoutLiterals = new ArrayList<>(scalars.size());
            for (TypedJson.Scalar scalar : scalars) {
                // A BINARY or BIT opaque scalar's function depends on its size: the shape keeps the size, not the bytes.
                int opaque = scalar.opaqueType();
                String size = opaque == 16 || opaque == 254 ? "0".repeat(scalar.literal().length()) : "";
                withoutLiterals.add(new TypedJson.Scalar(scalar.path(), scalar.type(), size));
            }
            shape.add(withoutLiterals);
        }
        return shape;
    }

    /** Loads {@code rows} with {@code statement}, in loads of up to {@link #LOAD_BYTES}; what falls back goes to {@code statements}. */
    private void loadAll(StatementWriter writer, TableDef table, LoadDataStatement statement, WritableColumns columns,
                         List<Object[]> rows, StatementKind kind, boolean rowsMaySkip, Statements statements) throws WriteException {
        int start = 0;
        while (start < rows.size()) {
            if (!enabled) {
                statements.write(rows.subList(start, rows.size()));
                return;
            }
            LoadDataRows stream = new LoadDataRows(text, columns, rows.subList(start, rows.size()), LOAD_BYTES);
            boolean loaded = load(writer, table, statement, stream, kind, rowsMaySkip);
            int end = start + stream.rows();
            if (!loaded) {
                statements.write(rows.subList(start, end));
            }
            start = end;
        }
    }

    /**
     * Whether every value of a column whose text travels as bytes ({@link ColumnDef#textAsBytes()}) is
     * such bytes (or NULL), as the source sends them. Only then can the load store them through
     * {@code UNHEX} exactly; a {@link String} there goes to the statements, which let the server convert it.
     */
    static boolean textBytesEverywhere(WritableColumns columns, List<Object[]> rows) {
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.column(i).textAsBytes()) {
                continue;
            }
            int image = columns.imageIndex(i);
            for (Object[] row : rows) {
                Object value = row[image];
                if (value != null && !(value instanceof byte[])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Loads the rendered rows; false when they must go as statements instead, the transaction as it was. */
    private boolean load(StatementWriter writer, TableDef table, LoadDataStatement statement, LoadDataRows stream,
                         StatementKind kind, boolean rowsMaySkip) throws WriteException {
        Connection connection = writer.connection();
        Savepoint savepoint = null;
        try (Statement load = connection.createStatement()) {
            savepoint = connection.setSavepoint();
            JdbcStatement driver = load.unwrap(JdbcStatement.class);
            driver.setLocalInfileInputStream(stream);
            long count;
            try {
                count = load.executeLargeUpdate(statement.sql());
            }
            finally {
                driver.setLocalInfileInputStream(empty());
                // A load the server refused before reading its rows still decides where the next one starts.
                stream.renderAll();
            }
            int rows = stream.rows();
            SQLWarning warning = load.getWarnings();
            if (warning != null || (!rowsMaySkip && count < rows)) {
                connection.rollback(savepoint);
                fallbacks++;
                LOG.debug("LOAD DATA of {} rows into {} reported {} changed rows and {}; writing them with statements instead",
                        rows, table.id(), count, warning == null ? "no warning" : "warning " + warning.getErrorCode()
                                + " (" + warning.getMessage() + ")");
                return false;
            }
            connection.releaseSavepoint(savepoint);
            if (loadedRows == 0) {
                LOG.info("Writing runs of rows with LOAD DATA LOCAL INFILE (first: {} rows into {})", rows, table.id());
            }
            loadedRows += rows;
            return true;
        }
        catch (SQLException e) {
            // With REPLACE, strict mode keeps data errors (a value the column would change, such as the invalid
            // ENUM value '' the statements write under their own sql_mode) errors rather than warnings. Any error
            // that is not transient goes back to the savepoint and leaves the rows to the statements, which store
            // them exactly or fail with the server's exact error; a transient one (a lost connection, a deadlock)
            // fails the transaction to be retried.
            boolean refused = refused(e);
            WriteException failure = StatementWriter.failure(table.id(), columnNames(table), kind, e);
            if (savepoint == null || (!refused && failure.isTransient())) {
                throw failure;
            }
            try {
                connection.rollback(savepoint);
            }
            catch (SQLException rollback) {
                failure.addSuppressed(rollback);
                throw failure;
            }
            fallbacks++;
            if (refused) {
                enabled = false;
                LOG.warn("The destination refuses LOAD DATA LOCAL INFILE ({}); the sink writes every row with multi-row "
                        + "statements instead, which is slower. To load snapshots faster, set local_infile=ON on the "
                        + "destination server (and leave allowLoadLocalInfile out of connection.url), or set load.data=false "
                        + "to silence this message.", e.getMessage());
            }
            return false;
        }
    }

    /** Hands the connection an empty stream, so a LOCAL request outside a load can never read a file. */
    public static void guard(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(empty());
        }
    }

    static boolean refused(SQLException e) {
        if (e.getErrorCode() == ER_NOT_ALLOWED_COMMAND || e.getErrorCode() == ER_CLIENT_LOCAL_FILES_DISABLED) {
            return true;
        }
        String message = e.getMessage();
        return e.getErrorCode() == 0 && message != null && message.contains("allowLoadLocalInfile");
    }

    private static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }

    private static List<String> columnNames(TableDef table) {
        return table.columns().stream().map(ColumnDef::name).toList();
    }
}
