package dev.ferry.source;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.precheck.CheckStatus;
import dev.ferry.core.precheck.ConnectionCheck;
import dev.ferry.core.precheck.PrecheckFailedException;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.core.precheck.source.BinlogCompressionCheck;
import dev.ferry.core.precheck.source.BinlogEnabledCheck;
import dev.ferry.core.precheck.source.BinlogFormatCheck;
import dev.ferry.core.precheck.source.BinlogRowImageCheck;
import dev.ferry.source.snapshot.BinlogCoordinates;
import dev.ferry.source.snapshot.SnapshotRunner;
import dev.ferry.source.snapshot.SnapshotState;
import dev.ferry.source.stream.DebeziumRecordTranslator;
import dev.ferry.source.stream.DebeziumStream;
import dev.ferry.source.stream.SnapshotCoverage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Ferry's source task. It moves through three phases, each resumable from Connect's offsets:
 * the snapshot (Ferry's own reader, consistent, lock-free), the wait until the point the binlog
 * must be read from is durably recorded, and the binlog stream (Debezium's reader). A migration
 * without incremental ends after the snapshot and then idles, reporting itself complete.
 */
public final class FerrySourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(FerrySourceTask.class);

    private enum Phase { SNAPSHOT, ANCHORING, STREAM, COMPLETE }

    private FerrySourceConfig config;
    private Map<String, String> props;
    private SourceRecords records;
    private SourceConnections connections;
    private volatile Phase phase;
    private SnapshotRunner snapshot;
    private Thread snapshotThread;
    private BlockingQueue<SourceRecord> snapshotQueue;
    private SnapshotState snapshotState;
    private SourceRecord anchor;
    private volatile boolean anchorAcked;
    private volatile int commitsSinceAnchorAck;
    private DebeziumStream stream;
    private final RestartBackoff restartBackoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private DebeziumRecordTranslator translator;
    /** Where the binlog stream starts when Debezium has no committed offset yet (null: from the stored offset). */
    private BinlogCoordinates streamSeed;

    @Override
    public String version() {
        return FerryVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        config = new FerrySourceConfig(props);
        records = new SourceRecords(config);
        connections = new SourceConnections(config);
        Map<String, Object> offset = context.offsetStorageReader().offset(records.snapshotPartition());
        SnapshotState state = SnapshotState.fromOffset(offset);
        requireSameMapping(state);
        state = state.withMapping(config.mappingSettings());
        snapshotState = state;
        boolean incremental = config.includes(MigrationType.INCREMENTAL);
        boolean streaming = incremental && DebeziumStream.hasOffset(context, config.topicPrefix());
        precheck(offset != null || streaming);
        if (streaming) {
            startStream(null);
        }
        else if (state.done()) {
            finishSnapshotPhase(state);
        }
        else if (!config.includes(MigrationType.FULL) && !config.includes(MigrationType.SCHEMA)) {
            anchorIncrementalStart();
        }
        else {
            startSnapshot(state);
        }
    }

    /** Runs the precheck; a blocking result stops the task with the whole report as its error. */
    private void precheck(boolean migrationStarted) {
        PrecheckReport report = SourcePrecheck.run(config, migrationStarted);
        if (report.blocked()) {
            throw new PrecheckFailedException(report);
        }
        LOG.info("{}", report.summary());
    }

    /**
     * The selection, names and filters shape what the destination already holds; a migration that
     * continued under other ones would leave it neither the old nor the new shape.
     */
    private void requireSameMapping(SnapshotState state) {
        if (state.mapping() != null && !state.mapping().equals(config.mappingSettings())) {
            throw new ConnectException("The selection, name mapping or row filters of " + config.topicPrefix() + " changed since "
                    + "the migration started (then: " + state.mapping() + "; now: " + config.mappingSettings() + "). They shape "
                    + "what the destination holds, so a running migration keeps them: restore the settings, or start a new "
                    + "migration with another connector name and topic.prefix into an empty destination.");
        }
    }

    private void startSnapshot(SnapshotState state) {
        snapshotQueue = new ArrayBlockingQueue<>(config.snapshotQueueChunks());
        snapshot = new SnapshotRunner(config, connections, records, state, snapshotQueue);
        snapshotThread = new Thread(snapshot, "ferry-snapshot-" + config.topicPrefix());
        snapshotThread.setDaemon(true);
        phase = Phase.SNAPSHOT;
        snapshotThread.start();
        LOG.info("Snapshot of {} started ({} tables already complete)", config.topicPrefix(), state.completedTables());
    }

    /** Incremental only: record the current binlog end durably before reading from it. */
    private void anchorIncrementalStart() {
        try (Connection connection = connections.open()) {
            BinlogCoordinates now = BinlogCoordinates.current(connection);
            if (now == null) {
                throw new ConnectException("Binary logging is off on the source " + connections.url()
                        + "; incremental migration needs log_bin on with binlog_format=ROW.");
            }
            snapshotState = SnapshotState.empty().withMapping(config.mappingSettings()).finished(now);
            anchor = records.lifecycle("incremental_start", Map.of("stream_from", now.toString()), snapshotState.toOffset());
            phase = Phase.ANCHORING;
            LOG.info("Incremental migration of {} will read the binlog from {}", config.topicPrefix(), now);
        }
        catch (SQLException e) {
            throw new ConnectException("Cannot read the binlog position of the source " + connections.url() + ": " + e.getMessage(), e);
        }
    }

    private void finishSnapshotPhase(SnapshotState state) {
        snapshotState = state;
        if (config.includes(MigrationType.INCREMENTAL)) {
            beginStream(state.streamFrom());
        }
        else {
            phase = Phase.COMPLETE;
            LOG.info("Full migration of {} is complete; incremental migration is not selected, so this task now idles",
                    config.topicPrefix());
        }
    }

    /**
     * The next translated change events. Debezium has handed the events over once polled: if translating
     * them fails transiently (the source cannot be read for a definition), polling again would skip them.
     * Debezium's task and the translator are started again from the last committed offset instead, which
     * hands them over again (records sent since that offset may reach Kafka twice; the sink's progress
     * applies them once), and Connect retries after its back-off.
     */
    private List<SourceRecord> pollStream() throws InterruptedException {
        if (stream == null) {
            // A restart after a failed translation that could not start again yet (the source unreachable).
            retryStreamStart();
            return null;
        }
        List<SourceRecord> events = stream.poll();
        if (events == null || events.isEmpty()) {
            return events;
        }
        try {
            return translator.translate(events);
        }
        catch (RetriableException e) {
            LOG.warn("Translating {} binlog events failed ({}); restarting the binlog stream of {} from its last committed "
                    + "offset so that none of them is skipped", events.size(), e.getMessage(), config.topicPrefix());
            stopStream();
            retryStreamStart();
            return null;
        }
    }

    /**
     * Enters the streaming phase from {@code seed} (used when Debezium has no offset of its own yet); the
     * next poll starts the stream, retrying as {@link #retryStreamStart} does while the source cannot be reached.
     */
    private void beginStream(BinlogCoordinates seed) {
        streamSeed = seed;
        phase = Phase.STREAM;
    }

    /**
     * Starts the binlog stream again from the last committed offset once the backoff allows; while the
     * source cannot be reached, attempts are spaced out ({@link RestartBackoff}) and each failure is logged.
     */
    private void retryStreamStart() throws InterruptedException {
        Duration wait = restartBackoff.remaining(System.nanoTime());
        if (!wait.isZero()) {
            // poll() returns at least once a second, so that the task stops promptly when asked.
            Thread.sleep(Math.min(wait.toMillis() + 1, 1000));
            return;
        }
        try {
            startStream(streamSeed);
            restartBackoff.succeeded();
        }
        catch (RetriableException e) {
            restartBackoff.failed(System.nanoTime());
            LOG.warn("Starting the binlog stream of {} again failed ({} in a row): {}; next attempt in {} s", config.topicPrefix(),
                    restartBackoff.failures(), e.getMessage(), restartBackoff.currentWait().toSeconds());
        }
    }

    private void stopStream() {
        if (stream != null) {
            stream.stop();
            stream = null;
        }
        if (translator != null) {
            translator.close();
            translator = null;
        }
    }

    private void startStream(BinlogCoordinates seed) {
        streamSeed = seed;
        // The settings may have changed since the task started (a snapshot can take days).
        PrecheckReport binlog = SourcePrecheck.runOnSource(config, true, List.of(new BinlogEnabledCheck(), new BinlogFormatCheck(),
                new BinlogRowImageCheck(), new BinlogCompressionCheck()));
        if (binlog.result(ConnectionCheck.SOURCE_ID).status() == CheckStatus.FAIL) {
            throw new RetriableException("Cannot check the binlog settings of the source " + connections.url() + ": "
                    + binlog.result(ConnectionCheck.SOURCE_ID).detail());
        }
        if (binlog.blocked()) {
            throw new PrecheckFailedException(binlog);
        }
        DebeziumRecordTranslator starting = new DebeziumRecordTranslator(records, config.mapping(), connections,
                new SnapshotCoverage(snapshotState.snapshotGtids()));
        starting.restore(context.offsetStorageReader().offset(DebeziumStream.partition(config.topicPrefix())));
        DebeziumStream started = new DebeziumStream();
        try {
            started.start(config, props, context, seed);
        }
        catch (RuntimeException e) {
            starting.close();
            throw e;
        }
        translator = starting;
        stream = started;
        phase = Phase.STREAM;
        // Debezium resumes from its stored offset whenever it has one; the seed only starts the first stream.
        LOG.info("Binlog streaming of {} started{}", config.topicPrefix(),
                seed == null || DebeziumStream.hasOffset(context, config.topicPrefix()) ? " from the stored offset" : " at " + seed);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        switch (phase) {
            case SNAPSHOT:
                return pollSnapshot();
            case ANCHORING:
                return pollAnchor();
            case STREAM:
                return pollStream();
            default:
                Thread.sleep(1000);
                return null;
        }
    }

    private List<SourceRecord> pollSnapshot() throws InterruptedException {
        List<SourceRecord> batch = new ArrayList<>();
        SourceRecord first = snapshotQueue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            snapshotQueue.drainTo(batch, 63);
            return batch;
        }
        if (snapshot.failure() != null) {
            throw new ConnectException("Snapshot of " + config.topicPrefix() + " failed: " + snapshot.failure().getMessage(), snapshot.failure());
        }
        if (snapshot.finished() && snapshotQueue.isEmpty()) {
            finishSnapshotPhase(snapshot.state());
        }
        return null;
    }

    /** Returns the anchor once, then waits until Connect has committed its offset. */
    private List<SourceRecord> pollAnchor() throws InterruptedException {
        if (anchor != null) {
            SourceRecord record = anchor;
            anchor = null;
            return List.of(record);
        }
        // The second offset commit after the ack surely includes the anchor's offset.
        if (commitsSinceAnchorAck >= 2) {
            beginStream(snapshotState.streamFrom());
            return null;
        }
        Thread.sleep(100);
        return null;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        if (phase == Phase.ANCHORING) {
            anchorAcked = true;
        }
        else if (stream != null && !records.snapshotPartition().equals(record.sourcePartition())) {
            stream.commitRecord(record, metadata);
        }
    }

    @Override
    public void commit() throws InterruptedException {
        if (anchorAcked) {
            commitsSinceAnchorAck++;
        }
        if (stream != null) {
            stream.commit();
        }
    }

    @Override
    public void stop() {
        if (snapshot != null) {
            snapshotThread.interrupt();
            snapshot.abort();
        }
        stopStream();
    }
}
