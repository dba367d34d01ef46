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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
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
        List<SinkRecord> slice = new ArrayList<>();
        long sliceBytes = 0;
        for (SinkRecord record : records) {
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

    private void apply(List<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ChangeBatch> batches = decode(records);
        try {
            sink.apply(batches);
            retries.succeeded();
        }
        catch (WriteException e) {
            throw retries.onFailure(e, context::timeout);
        }
        catch (IllegalArgumentException e) {
            throw new ConnectException("Cannot apply a change batch: " + e.getMessage(), e);
        }
    }

    private List<ChangeBatch> decode(Collection<SinkRecord> records) {
        List<ChangeBatch> batches = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                ChangeBatch batch = RecordDecoder.decode(record);
                if (batch != null) {
                    batches.add(batch);
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
