package dev.ferry.sink.write;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementLimitsTest {

    private static List<Object[]> rows(int count, Object... row) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row.clone());
        }
        return rows;
    }

    @Test
    void splitsByBatchSizeKeepingOrder() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 2500; i++) {
            rows.add(new Object[] {i});
        }
        List<List<Object[]>> chunks = new StatementLimits(1000, 64L << 20).split(rows, 1);
        assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 500);
        assertThat(chunks.get(2).get(0)[0]).isEqualTo(2000L);
    }

    @Test
    void staysBelowTheParameterLimit() {
        List<List<Object[]>> chunks = new StatementLimits(100_000, 1L << 30).split(rows(70_000, 1L), 1);
        assertThat(chunks).extracting(List::size).containsExactly(65_535, 4_465);
        assertThat(new StatementLimits(1000, 1L << 30).split(rows(100, new Object[1000]), 1000))
                .allSatisfy(chunk -> assertThat(chunk.size() * 1000).isLessThan(StatementLimits.MAX_PARAMETERS));
    }

    @Test
    void staysBelowMaxAllowedPacket() {
        String big = "x".repeat(100_000);
        List<List<Object[]>> chunks = new StatementLimits(1000, 1L << 20).split(rows(20, big), 1);
        assertThat(chunks).hasSizeGreaterThan(1);
        for (List<Object[]> chunk : chunks) {
            long bytes = chunk.stream().mapToLong(StatementLimits::estimatedBytes).sum();
            assertThat(bytes).isLessThan(1L << 20);
        }
        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(20);
    }

    @Test
    void aRowLargerThanAPacketGoesAlone() {
        byte[] huge = new byte[2 << 20];
        List<List<Object[]>> chunks = new StatementLimits(1000, 1L << 20).split(List.of(new Object[] {1L}, new Object[] {huge}, new Object[] {2L}), 1);
        assertThat(chunks).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void estimatesBytesGenerously() {
        assertThat(StatementLimits.estimatedBytes(new Object[] {null, 1L, 1.0f, "ab", new byte[3]})).isEqualTo(0 + 8 + 8 + 15 + 12);
    }
}
