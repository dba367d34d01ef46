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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the change batches of its topic partitions to the destination. Every {@code put()} commits
 * all it applies before returning; the progress table in the destination, not the Kafka offsets, decides
 * what is applied. A level below the first of a cascade waits for the level above it, and a view's DDL for
 * the tables it names, which other topics carry (see {@link ChangeEventSink#apply(List, List)}): its partition is held from that record
 * on (kept in memory, paused, and offered again with every later {@code put()}, which comes soon since
 * the task asks for a short poll), while the other partitions go on. {@link #preCommit} never commits the
 * offset of a held record, so after a crash the held records are delivered again.
 */
public final class FerrySinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(FerrySinkTask.class);
    /** How soon Connect calls {@code put()} again while a partition waits for a cascade level or a view's tables. */
    private static final long HELD_POLL_MS = 200;

    private FerrySinkConfig config;
    private HikariDataSource pool;
    private ChangeEventSink sink;
    private RetryPolicy retries;
    /** Per held partition, its records from the first one that waits, in order. */
    private Map<TopicPartition, List<SinkRecord>> held = new LinkedHashMap<>();

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
        List<SinkRecord> offered = new ArrayList<>();
        held.values().forEach(offered::addAll);
        offered.addAll(records);
        Map<TopicPartition, List<SinkRecord>> stillHeld = new LinkedHashMap<>();
        List<SinkRecord> slice = new ArrayList<>();
        long sliceBytes = 0;
        for (SinkRecord record : offered) {
            List<SinkRecord> waiting = stillHeld.get(partitionOf(record));
            if (waiting != null) {
                waiting.add(record);
                continue;
            }
            slice.add(record);
            sliceBytes += record.value() instanceof byte[] bytes ? bytes.length
                    : record.value() instanceof java.nio.ByteBuffer buffer ? buffer.remaining() : 0;
            if (sliceBytes >= config.transactionMaxBytes()) {
                apply(slice, stillHeld);
                slice = new ArrayList<>();
                sliceBytes = 0;
            }
        }
        apply(slice, stillHeld);
        hold(stillHeld);
    }

    /** Pauses the partitions that wait from now on and resumes those that no longer do. */
    private void hold(Map<TopicPartition, List<SinkRecord>> waiting) {
        for (TopicPartition partition : held.keySet()) {
            if (!waiting.containsKey(partition)) {
                context.resume(partition);
            }
        }
        for (TopicPartition partition : waiting.keySet()) {
            if (!held.containsKey(partition)) {
                LOG.debug("{} waits for a cascade level or a view's tables on another topic ({} records held)", partition, waiting.get(partition).size());
                context.pause(partition);
            }
        }
        held = waiting;
        if (!held.isEmpty()) {
            context.timeout(HELD_POLL_MS);
        }
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }

    /** Applies a slice; the records of partitions that must wait from one of them on go to {@code waiting}. */
    private void apply(List<SinkRecord> records, Map<TopicPartition, List<SinkRecord>> waiting) {
        if (records.isEmpty()) {
            return;
        }
        List<SinkRecord> decoded = new ArrayList<>(records.size());
        List<ChangeBatch> batches = decode(records, decoded);
        try {
            List<Integer> deferred = sink.apply(batches, decoded.stream().map(FerrySinkTask::partitionOf).toList());
            retries.succeeded();
            if (!deferred.isEmpty()) {
                // Records of a waiting partition after its first deferred batch follow it (the sink held them too).
                Set<TopicPartition> waits = new HashSet<>();
                deferred.forEach(i -> waits.add(partitionOf(decoded.get(i))));
                for (SinkRecord record : records) {
                    TopicPartition partition = partitionOf(record);
                    if (waits.contains(partition) && isAtOrAfterFirstDeferred(record, deferred, decoded)) {
                        waiting.computeIfAbsent(partition, p -> new ArrayList<>()).add(record);
                    }
                }
            }
        }
        catch (WriteException e) {
            throw retries.onFailure(e, context::timeout);
        }
        catch (IllegalArgumentException e) {
            throw new ConnectException("Cannot apply a change batch: " + e.getMessage(), e);
        }
    }

    /** The first deferred offset of the record's partition: everything from it on waits. */
    private static boolean isAtOrAfterFirstDeferred(SinkRecord record, List<Integer> deferred, List<SinkRecord> decoded) {
        for (int i : deferred) {
            SinkRecord first = decoded.get(i);
            if (first.topic().equals(record.topic()) && first.kafkaPartition().equals(record.kafkaPartition())) {
                return record.kafkaOffset() >= first.kafkaOffset();
            }
        }
        return false;
    }

    /** The batches of the records; {@code decoded} gets the record of each batch (records without one are left out). */
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
        // A partition held before a rebalance is delivered again from its committed offset: it must not stay paused.
        List<TopicPartition> free = partitions.stream().filter(p -> !held.containsKey(p)).toList();
        if (!free.isEmpty()) {
            context.resume(free.toArray(new TopicPartition[0]));
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (sink != null) {
            sink.forgetProgress();
        }
        partitions.forEach(held::remove);
    }

    /** Kafka may commit what was applied, never a held record: that one is delivered again after a restart. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(currentOffsets);
        held.forEach((partition, records) -> {
            if (offsets.containsKey(partition)) {
                offsets.put(partition, new OffsetAndMetadata(records.get(0).kafkaOffset()));
            }
        });
        return offsets;
    }

    @Override
    public void stop() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
