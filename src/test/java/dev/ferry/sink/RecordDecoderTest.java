package dev.ferry.sink;

import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.ChangeBatchCodec;
import dev.ferry.core.event.MalformedBatchException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDecoderTest {
    private static final ChangeBatch BATCH = ChangeBatch.snapshotBegin(TestTables.orders(), "s1");

    private static SinkRecord record(Object value) {
        return new SinkRecord("ferry.shop.orders", 0, null, null, Schema.OPTIONAL_BYTES_SCHEMA, value, 42);
    }

    @Test
    void decodesBytesAndByteBuffers() {
        byte[] bytes = ChangeBatchCodec.encode(BATCH);
        assertThat(RecordDecoder.decode(record(bytes)).snapshotId()).isEqualTo("s1");
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 4);
        buffer.position(2);
        buffer.put(bytes).flip().position(2);
        assertThat(RecordDecoder.decode(record(buffer)).table()).isEqualTo(TestTables.orders());
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    void aTombstoneIsNoBatch() {
        assertThat(RecordDecoder.decode(record(null))).isNull();
    }

    @Test
    void foreignValuesAreMalformed() {
        assertThatThrownBy(() -> RecordDecoder.decode(record("{\"json\": true}")))
                .isInstanceOf(MalformedBatchException.class).hasMessageContaining("ByteArrayConverter");
        assertThatThrownBy(() -> RecordDecoder.decode(record(new byte[] {1, 2, 3})))
                .isInstanceOf(MalformedBatchException.class);
        byte[] badKind = ChangeBatchCodec.encode(BATCH);
        badKind[2] = 99;
        assertThatThrownBy(() -> RecordDecoder.decode(record(badKind))).isInstanceOf(MalformedBatchException.class);
    }
}
