package dev.ferry.sink;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.core.FerryVersion;
import dev.ferry.core.event.ChangeBatch;
import dev.ferry.core.event.MalformedBatchException;
import dev.ferry.core.precheck.PrecheckFailedException;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.sink.session.DestinationPool;
import dev.ferry.sink.session.DestinationUrl;
import dev.ferry.sink.write.WriteException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the change batches of its topic partitions to the destination. Every {@code put()} commits
 * all it was given before returning, so Kafka's own offset commits are always safe; the progress table
 * in the destination, not the Kafka offsets, decides what is applied.
 */
public final class FerrySinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(FerrySinkTask.class);

    private FerrySinkConfig config;
    private HikariDataSource pool;
    private ChangeEventSink sink;
    private RetryPolicy retries;
    /**
     * Partitions paused because a stored object's DDL waits for its tables: the offset of that record (Kafka
     * offsets are not committed past it) and when to hand it to the sink again.
     */
    private final Map<TopicPartition, Long> waitingAt = new HashMap<>();
    private final Map<TopicPartition, Long> resumeAtNanos = new HashMap<>();

    @Override
    public String version() {
        return FerryVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new FerrySinkConfig(props);
        retries = new RetryPolicy(config.maxRetries(), config.retryBackoff());
        String where = DestinationUrl.hostAndPort(config.connectionUrl());
        PrecheckReport report = SinkPrecheck.run(config);
        if (report.blocked()) {
            throw new PrecheckFailedException(report);
        }
        try {
            pool = DestinationPool.open(config, "ferry-sink-" + config.connectorName());
            sink = new ChangeEventSink(config, pool);
            sink.start();
        }
        catch (WriteException e) {
            stop();
            throw new ConnectException("Cannot prepare the state database " + config.stateDatabase() + " on " + where
                    + ": " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            stop();
            throw new ConnectException("Cannot connect to the destination MySQL at " + where + ": " + e.getMessage(), e);
        }
        LOG.info("Ferry sink task of {} started, writing to {}", config.connectorName(), where);
    }

    /**
     * Applies the records in slices of about {@code transaction.max.bytes} of encoded batches, each
     * decoded only when its turn comes and committed by {@link ChangeEventSink#apply}, so the decoded
     * rows in memory stay bounded however many wide records one call carries. When a slice fails, the
     * slices before it are committed with their progress; Connect hands the same records again and
     * the progress table skips what is applied.
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        resumeWaitingPartitions();
        List<SinkRecord> slice = new ArrayList<>();
        long sliceBytes = 0;
        for (SinkRecord record : records) {
            if (resumeAtNanos.containsKey(partition(record))) {
                continue;   // after a record that waits: handed again with it once the partition resumes
            }
            slice.add(record);
            sliceBytes += record.value() instanceof byte[] bytes ? bytes.length
                    : record.value() instanceof java.nio.ByteBuffer buffer ? buffer.remaining() : 0;
            if (sliceBytes >= config.transactionMaxBytes()) {
                apply(slice);
                slice = new ArrayList<>();
                sliceBytes = 0;
            }
        }
        apply(slice);
    }

    private void apply(List<SinkRecord> slice) {
        List<SinkRecord> records = new ArrayList<>();
        for (SinkRecord record : slice) {
            if (!resumeAtNanos.containsKey(partition(record))) {
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            return;
        }
        List<SinkRecord> decoded = new ArrayList<>(records.size());
        List<ChangeBatch> batches = decode(records, decoded);
        try {
            List<ChangeBatch> waiting = sink.apply(batches);
            retries.succeeded();
            for (SinkRecord record : records) {
                waitingAt.remove(partition(record));
            }
            for (ChangeBatch batch : waiting) {
                SinkRecord record = decoded.get(indexOf(batches, batch));
                waitFor(record);
            }
        }
        catch (WriteException e) {
            throw retries.onFailure(e, context::timeout);
        }
        catch (IllegalArgumentException e) {
            throw new ConnectException("Cannot apply a change batch: " + e.getMessage(), e);
        }
    }

    /**
     * A stored object's DDL waits for its tables: its partition is paused and rewound to it, so Connect hands it
     * (and the records after it) again once the partition resumes, after {@code retry.backoff.ms}; the other
     * partitions go on meanwhile, and Kafka offsets are not committed past it.
     */
    private void waitFor(SinkRecord record) {
        TopicPartition partition = partition(record);
        waitingAt.put(partition, record.kafkaOffset());
        resumeAtNanos.put(partition, System.nanoTime() + config.retryBackoff().toNanos());
        context.offset(partition, record.kafkaOffset());
        context.pause(partition);
    }

    private void resumeWaitingPartitions() {
        long now = System.nanoTime();
        List<TopicPartition> due = resumeAtNanos.entrySet().stream().filter(e -> now - e.getValue() >= 0).map(Map.Entry::getKey).toList();
        for (TopicPartition partition : due) {
            resumeAtNanos.remove(partition);
            context.resume(partition);
        }
    }

    /** Kafka offsets stop at a record that waits, so a restart hands it again. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (waitingAt.isEmpty()) {
            return currentOffsets;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(currentOffsets);
        waitingAt.forEach((partition, offset) -> offsets.computeIfPresent(partition,
                (p, current) -> current.offset() > offset ? new OffsetAndMetadata(offset) : current));
        return offsets;
    }

    private static TopicPartition partition(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }

    private static int indexOf(List<ChangeBatch> batches, ChangeBatch batch) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i) == batch) {
                return i;
            }
        }
        throw new IllegalStateException("a waiting batch that was not handed to the sink");
    }

    /** The batches of the records, with the record of each batch at the same index in {@code decoded}. */
    private List<ChangeBatch> decode(Collection<SinkRecord> records, List<SinkRecord> decoded) {
        List<ChangeBatch> batches = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                ChangeBatch batch = RecordDecoder.decode(record);
                if (batch != null) {
                    batches.add(batch);
                    decoded.add(record);
                }
            }
            catch (MalformedBatchException e) {
                ErrantRecordReporter reporter = config.toleratesBadRecords() ? context.errantRecordReporter() : null;
                if (reporter == null) {
                    throw new ConnectException("The record at topic " + record.topic() + ", partition "
                            + record.kafkaPartition() + ", offset " + record.kafkaOffset() + " is not a Ferry change batch: "
                            + e.getMessage(), e);
                }
                reporter.report(record, e);
            }
        }
        return batches;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (sink != null) {
            sink.forgetProgress();
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            waitingAt.remove(p);
            resumeAtNanos.remove(p);
        });
        if (sink != null) {
            sink.forgetProgress();
        }
    }

    @Override
    public void stop() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
