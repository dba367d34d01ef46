package dev.ferry.sink.write;

import dev.ferry.sink.buffer.KeyedBuffer;
import dev.ferry.sink.buffer.KeylessBuffer;
import dev.ferry.sink.buffer.TableBuffer;

/** Writes a table buffer's contents through a {@link StatementWriter} and empties the buffer. */
public final class BufferWriter {
    private final KeyedTableWriter keyed;
    private final KeylessTableWriter keyless;

    public BufferWriter(StatementWriter writer, StatementLimits limits, LoadDataWriter loads) {
        this.keyed = new KeyedTableWriter(writer, limits, loads);
        this.keyless = new KeylessTableWriter(writer, limits, loads);
    }

    public void write(TableBuffer buffer) throws WriteException {
        if (buffer instanceof KeyedBuffer k) {
            keyed.write(k.table(), k.drain(), k.keepsExisting());
        }
        else if (buffer instanceof KeylessBuffer k) {
            keyless.write(k.table(), k.drain(), k.keepsExisting());
        }
    }
}
