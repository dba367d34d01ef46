package dev.ferry.source.snapshot;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.ValueKind;
import dev.ferry.core.sql.SqlBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one table inside the open snapshot transaction, cutting the rows into chunks by count and size. Values are read so they arrive exactly: temporals as the
 * server's own text, decimals as text, floating point through the binary protocol, character data
 * in a character set other than UTF-8 as its bytes, JSON documents with DECIMAL or temporal scalars
 * as {@link dev.ferry.core.schema.TypedJson} values.
 */
public final class TableSnapshotReader {

    /** Receives each chunk; may block while Kafka catches up. */
    public interface ChunkConsumer {
        void accept(ChangeBatch chunk) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TableSnapshotReader.class);
    /** Rows of a paged table's first page, before its rows' size is known. */
    private static final int FIRST_PAGE_ROWS = 16;

    private final int chunkRows;
    private final int chunkBytes;

    public TableSnapshotReader(int chunkRows, int chunkBytes) {
        this.chunkRows = chunkRows;
        this.chunkBytes = chunkBytes;
    }

    /** How much one table's scan produced. */
    public record Result(long rows, long chunks) {
    }

    /**
     * Reads the table's rows into chunks 0, 1, ...: only the rows its filter selects, only the
     * selected columns, in the destination's shape and under the given conflict policy. A table with
     * JSON columns and a key is read in pages by its key, so the DECIMAL, DATE, TIME and DATETIME
     * scalars inside its documents can be learnt in the same transaction ({@link KeyPages}); any other
     * table in one streaming scan, which asks those types with every row ({@link ScannedJsonTypes}).
     */
    public Result read(Connection connection, MappedTable mapped, String snapshotId, ConflictPolicy policy, ChunkConsumer consumer)
            throws SQLException, InterruptedException {
        Chunks chunks = new Chunks(mapped.destination(), snapshotId, policy, consumer);
        KeyPages pages = KeyPages.of(mapped);
        if (pages != null) {
            boolean mysql8 = connection.getMetaData().getDatabaseMajorVersion() >= 8;
            readPages(connection, mapped, pages, !mysql8, chunks);
        }
        else {
            readScan(connection, mapped, chunks);
        }
        return chunks.finish();
    }

    /**
     * Reads the table in one streaming scan. When its JSON documents hold candidate scalars, a first
     * pass learns their paths and the scan asks their types with every row ({@link ScannedJsonTypes}).
     */
    private void readScan(Connection connection, MappedTable mapped, Chunks chunks) throws SQLException, InterruptedException {
        boolean mysql8 = connection.getMetaData().getDatabaseMajorVersion() >= 8;
        ScannedJsonTypes types = ScannedJsonTypes.learn(connection, mapped, mysql8);
        String sql = types == null ? selectSql(mapped) : types.selectSql(mapped);
        int first = mapped.destination().columns().size() + 1;
        try (PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            if (types != null) {
                types.bind(ps);
            }
            ps.setFetchSize(Integer.MIN_VALUE);
            RowReader reader = new RowReader(mapped.destination().columns());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = reader.read(rs);
                    if (types != null) {
                        types.type(row, rs, first);
                    }
                    chunks.add(row);
                }
            }
        }
        if (types != null && !types.untyped().isEmpty()) {
            LOG.warn("Table {} has no key Ferry can page by, and its JSON columns {} hold more different paths to numbers or date-like "
                    + "strings than one statement can ask about: DECIMAL, DATE, TIME and DATETIME scalars inside them are copied by "
                    + "the snapshot as the numbers and strings their text shows", mapped.source().id(), types.untyped());
        }
        if (types != null && types.unaddressable() > 0) {
            warnUnaddressable(mapped, types.unaddressable());
        }
    }

    private static void warnUnaddressable(MappedTable mapped, long count) {
        LOG.warn("Table {}: {} numbers or date-like strings inside JSON documents sit under an empty member name, which MySQL 5.7's "
                + "path syntax cannot address; they are copied as their text shows (a DECIMAL, DATE, TIME or DATETIME among them "
                + "becomes a number or string)", mapped.source().id(), count);
    }

    /** Reads page after page by the key, typing each page's JSON documents before it is sent. */
    private void readPages(Connection connection, MappedTable mapped, KeyPages pages, boolean emptyNamesUnaddressable, Chunks chunks)
            throws SQLException, InterruptedException {
        RowReader reader = new RowReader(mapped.destination().columns());
        int[] keys = pages.keyIndexes();
        TypedJsonProbe probe = new TypedJsonProbe(connection, mapped.source().id(), mapped.source().columns(), keys,
                pages.keySourceIndexes(), !emptyNamesUnaddressable);
        int limit = Math.min(chunkRows, FIRST_PAGE_ROWS);
        Object[] last = null;
        try (PreparedStatement first = connection.prepareStatement(pages.sql(false));
             PreparedStatement next = connection.prepareStatement(pages.sql(true))) {
            while (true) {
                PreparedStatement ps = last == null ? first : next;
                int p = 1;
                if (last != null) {
                    for (int key : keys) {
                        ps.setObject(p++, last[key]);
                    }
                }
                ps.setInt(p, limit);
                ps.setFetchSize(Integer.MIN_VALUE);
                List<Object[]> page = new ArrayList<>(limit);
                long bytes = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = reader.read(rs);
                        page.add(row);
                        bytes += sizeOf(row);
                    }
                }
                if (!page.isEmpty()) {
                    probe.typePage(pages, page, last);
                }
                for (Object[] row : page) {
                    chunks.add(row);
                }
                if (page.size() < limit) {
                    break;
                }
                last = page.get(page.size() - 1);
                // Pages hold about one chunk's bytes: wide documents make short pages.
                long perRow = Math.max(1, bytes / page.size());
                limit = (int) Math.max(1, Math.min(chunkRows, chunkBytes / perRow));
            }
        }
        if (probe.unaddressable() > 0) {
            warnUnaddressable(mapped, probe.unaddressable());
        }
    }

    /** Reads the destination's columns of one result row, each the way it arrives exactly. */
    private static final class RowReader {
        private final ValueKind[] kinds;
        private final boolean[] generated;
        private final boolean[] bytes;
        private final boolean[] json;

        RowReader(List<ColumnDef> columns) {
            int n = columns.size();
            kinds = new ValueKind[n];
            generated = new boolean[n];
            bytes = new boolean[n];
            json = new boolean[n];
            for (int i = 0; i < n; i++) {
                ColumnDef c = columns.get(i);
                kinds[i] = c.valueKind();
                generated[i] = c.generated();
                bytes[i] = c.textAsBytes();
                json[i] = KeyPages.isJson(c);
            }
        }

        Object[] read(ResultSet rs) throws SQLException {
            Object[] row = new Object[kinds.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = generated[i] ? null : readValue(rs, i + 1, kinds[i], bytes[i]);
                if (json[i]) {
                    row[i] = JsonNegativeZero.keepSign((String) row[i]);
                }
            }
            return row;
        }
    }

    /** Cuts rows into chunks by count and size and hands each on. */
    private final class Chunks {
        private final TableDef table;
        private final String snapshotId;
        private final ConflictPolicy policy;
        private final ChunkConsumer consumer;
        private List<RowChange> buffer = new ArrayList<>();
        private long size;
        private long rows;
        private long chunk;

        Chunks(TableDef table, String snapshotId, ConflictPolicy policy, ChunkConsumer consumer) {
            this.table = table;
            this.snapshotId = snapshotId;
            this.policy = policy;
            this.consumer = consumer;
        }

        void add(Object[] row) throws InterruptedException {
            buffer.add(RowChange.read(row));
            size += sizeOf(row);
            rows++;
            if (buffer.size() >= chunkRows || size >= chunkBytes) {
                send();
            }
        }

        Result finish() throws InterruptedException {
            if (!buffer.isEmpty()) {
                send();
            }
            return new Result(rows, chunk);
        }

        private void send() throws InterruptedException {
            consumer.accept(ChangeBatch.snapshotChunk(table, snapshotId, chunk++, buffer).withConflictPolicy(policy));
            buffer = new ArrayList<>(Math.min(chunkRows, 4096));
            size = 0;
        }
    }

    /** The selected columns by their source names, from the source table, with the filter as WHERE clause. */
    static String selectSql(MappedTable mapped) {
        SqlBuilder sql = new SqlBuilder().sql(selectList(mapped));
        sql.sql(" FROM ").table(mapped.source().id());
        if (mapped.filter() != null) {
            sql.sql(" WHERE ").sql(mapped.filter().sql());
        }
        return sql.toString();
    }

    /** {@code SELECT} and the selected columns, each read so it arrives exactly. */
    static String selectList(MappedTable mapped) {
        SqlBuilder sql = new SqlBuilder().sql("SELECT ");
        List<ColumnDef> sourceColumns = mapped.source().columns();
        int[] indexes = mapped.sourceIndexes();
        for (int i = 0; i < indexes.length; i++) {
            ColumnDef c = sourceColumns.get(indexes[i]);
            if (i > 0) {
                sql.sql(", ");
            }
            if (c.generated()) {
                sql.sql("NULL");
            }
            else if (c.textAsBytes()) {
                sql.sql("CAST(").identifier(c.name()).sql(" AS BINARY)");
            }
            else if (c.valueKind() == ValueKind.TEMPORAL) {
                sql.sql("CAST(").identifier(c.name()).sql(" AS CHAR)");
            }
            else {
                sql.identifier(c.name());
            }
        }
        return sql.toString();
    }

    private static Object readValue(ResultSet rs, int index, ValueKind kind, boolean bytes) throws SQLException {
        Object value = bytes ? rs.getBytes(index) : switch (kind) {
            case INTEGER -> rs.getLong(index);
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case BINARY -> rs.getBytes(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : value;
    }

    private static long sizeOf(Object[] row) {
        long size = 0;
        for (Object value : row) {
            size += sizeOf(value);
        }
        return size;
    }

    private static long sizeOf(Object value) {
        if (value instanceof String s) {
            return s.length() + 2L;
        }
        if (value instanceof byte[] b) {
            return b.length + 2L;
        }
        return 9;
    }
}
