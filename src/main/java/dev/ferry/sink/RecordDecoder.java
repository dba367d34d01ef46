package dev.ferry.sink;

import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.ChangeBatchCodec;
import dev.ferry.core.event.MalformedBatchException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;

/** Reads the change batch a Kafka record carries as its value. */
final class RecordDecoder {
    private RecordDecoder() {
    }

    /**
     * The record's batch, or null for a tombstone.
     *
     * @throws MalformedBatchException when the value is not a change batch
     */
    static ChangeBatch decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            return null;
        }
        byte[] bytes;
        if (value instanceof byte[] b) {
            bytes = b;
        }
        else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            bytes = new byte[copy.remaining()];
            copy.get(bytes);
        }
        else {
            throw new MalformedBatchException("the record value is a " + value.getClass().getName()
                    + ", not bytes; set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        try {
            return ChangeBatchCodec.decode(bytes);
        }
        catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // The codec reports most damage as MalformedBatchException, but a bad enum byte or an
            // inconsistent table definition surfaces as these.
            throw new MalformedBatchException("not a valid change batch: " + e.getClass().getSimpleName());
        }
    }
}
