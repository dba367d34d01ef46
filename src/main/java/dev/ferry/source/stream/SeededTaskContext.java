package dev.ferry.source.stream;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The task context Debezium's task sees: the real one, except that while Debezium has stored no
 * offset of its own, its partition reads as the binlog point Ferry chose (the snapshot's point, or
 * the first start's position for incremental-only migrations).
 */
final class SeededTaskContext implements SourceTaskContext {
    private final SourceTaskContext delegate;
    private final Map<String, ?> partition;
    private final Map<String, Object> seed;

    SeededTaskContext(SourceTaskContext delegate, Map<String, ?> partition, Map<String, Object> seed) {
        this.delegate = delegate;
        this.partition = partition;
        this.seed = seed;
    }

    @Override
    public Map<String, String> configs() {
        return delegate.configs();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        OffsetStorageReader real = delegate.offsetStorageReader();
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> p) {
                Map<String, Object> stored = real.offset(p);
                return stored == null && partition.equals(p) ? seed : stored;
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> stored = new HashMap<>(real.offsets(partitions));
                for (Map<String, T> p : partitions) {
                    if (stored.get(p) == null && partition.equals(p) && seed != null) {
                        stored.put(p, seed);
                    }
                }
                return stored;
            }
        };
    }

    @Override
    public TransactionContext transactionContext() {
        return delegate.transactionContext();
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return delegate.pluginMetrics();
    }
}
