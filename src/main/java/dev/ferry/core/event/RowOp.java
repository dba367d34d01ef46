package dev.ferry.core.event;

/** What happened to a row. */
public enum RowOp {
    /** A row read by the snapshot: the destination must hold it. */
    READ('r'),
    /** A row inserted on the source. */
    INSERT('c'),
    /** A row updated on the source; both images are present and the key may have changed. */
    UPDATE('u'),
    /** A row deleted on the source; only the before image is present. */
    DELETE('d');

    private final char code;

    RowOp(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static RowOp ofCode(char code) {
        for (RowOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown row operation code '" + code + "'");
    }
}
