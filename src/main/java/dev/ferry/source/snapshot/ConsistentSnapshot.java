package dev.ferry.source.snapshot;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens a consistent read view on the source and finds the binlog point it corresponds to,
 * without a global read lock (managed databases grant no RELOAD): the binlog coordinates are read
 * before and after {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, and the attempt is repeated
 * until no transaction committed in between. Every change before that point is in the view, every
 * later one starts at or after it.
 */
public final class ConsistentSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(ConsistentSnapshot.class);
    private static final int MAX_ATTEMPTS = 200;

    private ConsistentSnapshot() {
    }

    /**
     * Starts the snapshot transaction on {@code snapshotConnection} and returns its point; null
     * coordinates when binary logging is off (then no binlog can follow the snapshot).
     */
    public static BinlogCoordinates open(Connection snapshotConnection, Connection probe, boolean needBinlog) throws SQLException {
        snapshotConnection.setAutoCommit(false);
        snapshotConnection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        if (!needBinlog && !canReadCoordinates(probe)) {
            LOG.info("The source user cannot read the binlog position (no REPLICATION CLIENT); "
                    + "the full migration does not need it, so the snapshot records no binlog point");
            startSnapshot(snapshotConnection);
            return null;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            BinlogCoordinates before = BinlogCoordinates.current(probe);
            if (before == null && needBinlog) {
                throw new ConnectException("Binary logging is off on the source, so incremental migration cannot follow the "
                        + "snapshot. Start the source with log_bin enabled and binlog_format=ROW, or choose migration.types=full.");
            }
            startSnapshot(snapshotConnection);
            BinlogCoordinates after = BinlogCoordinates.current(probe);
            if (before == null || before.equals(after)) {
                LOG.info("Consistent snapshot opened at binlog point {} after {} attempt(s)", before, attempt);
                return before;
            }
            snapshotConnection.rollback();
            backOff(attempt);
        }
        throw new ConnectException("The source committed a transaction during each of " + MAX_ATTEMPTS + " attempts to open a "
                + "consistent snapshot, so no exact binlog point could be found. Retry when the write load is lower.");
    }

    private static void startSnapshot(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    private static boolean canReadCoordinates(Connection probe) {
        try {
            BinlogCoordinates.current(probe);
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while opening the snapshot", e);
        }
    }
}
