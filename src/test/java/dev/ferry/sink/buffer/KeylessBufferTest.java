package dev.ferry.sink.buffer;

import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeylessBufferTest {

    @Test
    void keepsEveryChangeInOrderIdenticalRowsIncluded() {
        TableBuffer buffer = TableBuffer.of(TestTables.log());
        assertThat(buffer).isInstanceOf(KeylessBuffer.class);
        Object[] row = {1L, "same"};
        RowChange first = new RowChange(RowOp.INSERT, new SourcePosition(1, 4, 0, 0), null, row);
        RowChange second = new RowChange(RowOp.INSERT, new SourcePosition(1, 4, 1, 0), null, row.clone());
        RowChange delete = new RowChange(RowOp.DELETE, new SourcePosition(1, 9, 0, 0), row.clone(), null);
        buffer.add(first);
        buffer.add(second);
        buffer.add(delete);
        assertThat(((KeylessBuffer) buffer).drain()).containsExactly(first, second, delete);
        assertThat(buffer.isEmpty()).isTrue();
    }
}
