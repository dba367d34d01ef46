package dev.ferry.source.snapshot;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.ValueKind;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one table inside the open snapshot transaction with a single streaming scan, cutting the
 * rows into chunks by count and size. Values are read so they arrive exactly: temporals as the
 * server's own text, decimals as text, floating point through the binary protocol.
 */
public final class TableSnapshotReader {

    /** Receives each chunk; may block while Kafka catches up. */
    public interface ChunkConsumer {
        void accept(ChangeBatch chunk) throws InterruptedException;
    }

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
     * Streams the table's rows into chunks 0, 1, ...: only the rows its filter selects, only the
     * selected columns, in the destination's shape and under the given conflict policy.
     */
    public Result read(Connection connection, MappedTable mapped, String snapshotId, ConflictPolicy policy, ChunkConsumer consumer)
            throws SQLException, InterruptedException {
        TableDef table = mapped.destination();
        List<ColumnDef> columns = table.columns();
        ValueKind[] kinds = columns.stream().map(ColumnDef::valueKind).toArray(ValueKind[]::new);
        long rows = 0;
        long chunk = 0;
        try (PreparedStatement ps = connection.prepareStatement(selectSql(mapped), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                List<RowChange> buffer = new ArrayList<>(Math.min(chunkRows, 4096));
                long bytes = 0;
                while (rs.next()) {
                    Object[] row = new Object[kinds.length];
                    for (int i = 0; i < kinds.length; i++) {
                        row[i] = columns.get(i).generated() ? null : readValue(rs, i + 1, kinds[i]);
                        bytes += sizeOf(row[i]);
                    }
                    buffer.add(RowChange.read(row));
                    rows++;
                    if (buffer.size() >= chunkRows || bytes >= chunkBytes) {
                        consumer.accept(ChangeBatch.snapshotChunk(table, snapshotId, chunk++, buffer).withConflictPolicy(policy));
                        buffer = new ArrayList<>(Math.min(chunkRows, 4096));
                        bytes = 0;
                    }
                }
                if (!buffer.isEmpty()) {
                    consumer.accept(ChangeBatch.snapshotChunk(table, snapshotId, chunk++, buffer).withConflictPolicy(policy));
                }
            }
        }
        return new Result(rows, chunk);
    }

    /** The selected columns by their source names, from the source table, with the filter as WHERE clause. */
    static String selectSql(MappedTable mapped) {
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
            else if (c.valueKind() == ValueKind.TEMPORAL) {
                sql.sql("CAST(").identifier(c.name()).sql(" AS CHAR)");
            }
            else {
                sql.identifier(c.name());
            }
        }
        sql.sql(" FROM ").table(mapped.source().id());
        if (mapped.filter() != null) {
            sql.sql(" WHERE ").sql(mapped.filter().sql());
        }
        return sql.toString();
    }

    private static Object readValue(ResultSet rs, int index, ValueKind kind) throws SQLException {
        Object value = switch (kind) {
            case INTEGER -> rs.getLong(index);
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case BINARY -> rs.getBytes(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : value;
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
