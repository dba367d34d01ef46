package dev.ferry.sink.write;

import java.util.ArrayList;
import java.util.List;

/**
 * How many rows go into one multi-row statement: at most {@code batch.size} rows, fewer than 65,535
 * parameters (the protocol's limit for a prepared statement), and an estimated size below the
 * destination's {@code max_allowed_packet}. Byte estimates are deliberately high (three bytes per
 * character) so a statement never reaches the limit.
 */
public final class StatementLimits {
    public static final int MAX_PARAMETERS = 65_535;
    /** Room for the statement text's fixed part, column names and packet headers. */
    private static final long HEADROOM = 64 * 1024;
    private static final int BYTES_PER_PARAMETER = 8;

    private final int maxRows;
    private final long maxBytes;

    public StatementLimits(int maxRows, long maxAllowedPacket) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        }
        this.maxRows = maxRows;
        this.maxBytes = Math.max(maxAllowedPacket - HEADROOM, maxAllowedPacket / 2);
    }

    /** Splits rows into statement-sized chunks, in order; a single row too large for a packet goes alone. */
    public List<List<Object[]>> split(List<Object[]> rows, int parametersPerRow) {
        int rowsPerStatement = Math.max(1, Math.min(maxRows, MAX_PARAMETERS / Math.max(1, parametersPerRow)));
        List<List<Object[]>> chunks = new ArrayList<>();
        List<Object[]> chunk = new ArrayList<>();
        long bytes = 0;
        for (Object[] row : rows) {
            long rowBytes = estimatedBytes(row) + (long) parametersPerRow * BYTES_PER_PARAMETER;
            if (!chunk.isEmpty() && (chunk.size() == rowsPerStatement || bytes + rowBytes > maxBytes)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(row);
            bytes += rowBytes;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static long estimatedBytes(Object[] row) {
        long total = 0;
        for (Object value : row) {
            if (value instanceof String s) {
                total += 3L * s.length() + 9;
            }
            else if (value instanceof byte[] b) {
                total += b.length + 9L;
            }
            else if (value != null) {
                total += 8;
            }
        }
        return total;
    }
}
