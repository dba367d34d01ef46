package dev.ferry.source.snapshot;

import dev.ferry.core.event.SourcePosition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The end of the source's binary log at one instant: file, position and executed GTID set (empty
 * when GTIDs are off). Changes committed after that instant start at or after this position.
 */
public record BinlogCoordinates(String file, long position, String gtidSet) {
    private static final int SYNTAX_ERROR = 1064;

    /** Reads the current coordinates; null when binary logging is off. Needs REPLICATION CLIENT. */
    public static BinlogCoordinates current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = query(s)) {
            if (!rs.next()) {
                return null;
            }
            String gtids = rs.getMetaData().getColumnCount() >= 5 ? rs.getString(5) : "";
            return new BinlogCoordinates(rs.getString(1), rs.getLong(2), normalize(gtids));
        }
    }

    private static ResultSet query(Statement s) throws SQLException {
        try {
            return s.executeQuery("SHOW MASTER STATUS");
        }
        catch (SQLException e) {
            if (e.getErrorCode() != SYNTAX_ERROR) {
                throw e;
            }
            // MySQL 8.4 removed the old name.
            return s.executeQuery("SHOW BINARY LOG STATUS");
        }
    }

    private static String normalize(String gtids) {
        return gtids == null ? "" : gtids.replace("\n", "").replace(" ", "");
    }

    /**
     * What the sink may skip of a table snapshotted at these coordinates. With GTIDs, nothing: the
     * binlog is read from this GTID set, so the server sends exactly the transactions the snapshot
     * does not hold, and Ferry drops any of the set's own that a rereading sends (see
     * {@code SnapshotCoverage}). That covers a transaction already written to the binlog but not yet
     * visible when the snapshot opened, which a position could not tell apart. Without GTIDs, every
     * change before the position.
     */
    public SourcePosition watermark() {
        return gtidSet.isEmpty() ? snapshotPoint() : null;
    }

    public SourcePosition snapshotPoint() {
        return SourcePosition.snapshotPoint(SourcePosition.fileSequence(file), position);
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtidSet.isEmpty() ? "" : " (" + gtidSet + ")");
    }
}
