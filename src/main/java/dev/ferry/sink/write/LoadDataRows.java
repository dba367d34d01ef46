package dev.ferry.sink.write;

import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.bind.LoadDataText;
import dev.ferry.sink.dialect.TypedJsonValues;
import dev.ferry.sink.dialect.WritableColumns;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one {@code LOAD DATA}, rendered a piece at a time as Connector/J reads them: while the
 * destination parses and inserts what it has received, the worker renders the next rows, instead of
 * rendering the whole load first and then waiting for the server.
 *
 * <p>The stream ends after the last row or once at least {@code maxBytes} are rendered, always at a row's
 * end; {@link #rows()} then says how many rows it carried. One {@link LoadDataText} buffer is reused.
 */
final class LoadDataRows extends InputStream {
    /** Bytes rendered per piece: big enough to fill the driver's packets, small enough to keep both sides busy. */
    static final int PIECE_BYTES = 64 * 1024;

    private final LoadDataText text;
    private final WritableColumns columns;
    private final List<Object[]> rows;
    private final long maxBytes;
    private int next;
    private long rendered;
    private byte[] piece = new byte[0];
    private int pieceLength;
    private int at;

    /** @param rows the rows from the first this load carries; it reads as many as fit {@code maxBytes} */
    LoadDataRows(LoadDataText text, WritableColumns columns, List<Object[]> rows, long maxBytes) {
        this.text = text;
        this.columns = columns;
        this.rows = rows;
        this.maxBytes = maxBytes;
    }

    /** How many rows the stream has rendered; all of them once it reached its end. */
    int rows() {
        return next;
    }

    /** Renders every row the stream would carry without handing them to anyone: for a load that never ran. */
    void renderAll() {
        while (fill()) {
            at = pieceLength;
        }
    }

    @Override
    public int read() {
        if (at == pieceLength && !fill()) {
            return -1;
        }
        return piece[at++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (at == pieceLength && !fill()) {
            return -1;
        }
        int n = Math.min(length, pieceLength - at);
        System.arraycopy(piece, at, target, offset, n);
        at += n;
        return n;
    }

    @Override
    public int available() {
        return pieceLength - at;
    }

    /** Renders the next piece; false at the end of the load. */
    private boolean fill() {
        if (next >= rows.size() || (next > 0 && rendered >= maxBytes)) {
            return false;
        }
        text.clear();
        while (next < rows.size() && (text.size() < PIECE_BYTES) && (next == 0 || rendered + text.size() < maxBytes)) {
            Object[] row = rows.get(next++);
            List<TypedJson> typed = null;
            for (int i = 0; i < columns.size(); i++) {
                Object value = row[columns.imageIndex(i)];
                if (TypedJsonValues.isTyped(columns.column(i), value)) {
                    // The document's text here; its typed scalars' literals after the row's columns (LoadDataStatement#withTypedJson).
                    TypedJson json = TypedJson.decode((String) value);
                    text.field(json.document());
                    if (typed == null) {
                        typed = new ArrayList<>(2);
                    }
                    typed.add(json);
                }
                else {
                    text.field(value);
                }
            }
            if (typed != null) {
                for (TypedJson json : typed) {
                    for (TypedJson.Scalar scalar : json.scalars()) {
                        text.field(scalar.literal());
                    }
                }
            }
            text.endRow();
        }
        rendered += text.size();
        piece = text.buffer();
        pieceLength = text.size();
        at = 0;
        return true;
    }
}
