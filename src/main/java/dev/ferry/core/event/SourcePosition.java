package dev.ferry.core.event;

/**
 * Where a row change sits in the source's binary log: the binlog file's sequence number, the
 * position of the rows event in that file, the row's index in the event, and a sub-index for the
 * changes one row produces (an update that moves a primary key arrives as a delete and an insert).
 * Positions order every change of one source server; the sink uses them to apply each change once.
 *
 * <p>A snapshot taken at binlog coordinates {@code (file, pos)} is marked by {@link #snapshotPoint},
 * which orders before every change that starts at or after {@code pos}.
 */
public record SourcePosition(long fileSequence, long position, int row, int sub) implements Comparable<SourcePosition> {

    /** The point of a snapshot taken when the binlog ended at {@code (fileSequence, position)}. */
    public static SourcePosition snapshotPoint(long fileSequence, long position) {
        return new SourcePosition(fileSequence, position, -1, -1);
    }

    /** The sequence number in a binlog file name such as {@code mysql-bin.000042}. */
    public static long fileSequence(String binlogFileName) {
        int dot = binlogFileName.lastIndexOf('.');
        try {
            return Long.parseLong(binlogFileName.substring(dot + 1));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Binlog file name '" + binlogFileName + "' has no numeric extension", e);
        }
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = Long.compare(fileSequence, o.fileSequence);
        if (c == 0) {
            c = Long.compare(position, o.position);
        }
        if (c == 0) {
            c = Integer.compare(row, o.row);
        }
        return c != 0 ? c : Integer.compare(sub, o.sub);
    }

    public boolean isAfter(SourcePosition other) {
        return other == null || compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return fileSequence + ":" + position + ":" + row + ":" + sub;
    }
}
