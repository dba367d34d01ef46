package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end lag: a marker row in each table of the workload ({@code id} {@value #MARKER_ID}, its
 * {@code k} column a sequence number) bumped in one transaction every {@value #INTERVAL_MILLIS} ms,
 * keeping the time its commit returned; a poller on the target notes when every table shows a new
 * number. Ferry and Debezium carry each table in its own topic, so one table's row could arrive
 * before another's backlog: taking the smallest number over all tables measures the slowest one. Lag
 * = visible in every table on the target minus committed on the source; both clocks are this JVM's.
 */
final class Heartbeat implements AutoCloseable {
    static final int INTERVAL_MILLIS = 50;
    /** Beyond sysbench's ids (1..table size), so its deletes and inserts never touch the marker. */
    static final long MARKER_ID = 2_000_000_000L;
    private static final int POLL_MILLIS = 5;

    private final MySqlServer source;
    private final MySqlServer target;
    private final List<String> tables;
    private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final AtomicLong lastSent = new AtomicLong();
    private final AtomicLong lastSeen = new AtomicLong();
    private final List<long[]> samples = new ArrayList<>();
    private final long first;
    private volatile boolean running = true;
    private volatile Exception failure;
    private final Thread writer;
    private final Thread poller;

    /** Inserts the marker row into each sysbench table {@code database.sbtest1..tables}. */
    static void createMarkers(MySqlServer source, String database, int tables) throws SQLException {
        for (String table : tables(database, tables)) {
            source.execute("INSERT IGNORE INTO " + table + " (id, k, c, pad) VALUES (" + MARKER_ID + ", 0, 'heartbeat', 'heartbeat')");
        }
    }

    static List<String> tables(String database, int tables) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= tables; i++) {
            names.add("`" + database + "`.`sbtest" + i + "`");
        }
        return names;
    }

    /** The sequence number the target shows in every table; 0 while a marker is missing there. */
    static long visible(Connection target, List<String> tables) throws SQLException {
        long min = Long.MAX_VALUE;
        try (Statement s = target.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT k FROM " + table + " WHERE id = " + MARKER_ID)) {
                    min = Math.min(min, rows.next() ? rows.getLong(1) : 0);
                } catch (SQLException e) {
                    if (e.getErrorCode() != 1146 && e.getErrorCode() != 1049) {
                        throw e;
                    }
                    return 0;
                }
            }
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** Bumps every marker in one transaction; returns the new number. */
    static long bump(Connection source, List<String> tables, long seq) throws SQLException {
        source.setAutoCommit(false);
        try (Statement s = source.createStatement()) {
            for (String table : tables) {
                s.executeUpdate("UPDATE " + table + " SET k = " + seq + " WHERE id = " + MARKER_ID);
            }
        }
        source.commit();
        source.setAutoCommit(true);
        return seq;
    }

    Heartbeat(MySqlServer source, MySqlServer target, List<String> tables) throws SQLException {
        this.source = source;
        this.target = target;
        this.tables = tables;
        long start;
        try (Connection c = source.openConnection()) {
            start = visible(c, tables);
        }
        lastSent.set(start);
        lastSeen.set(start);
        first = start + 1;
        writer = new Thread(this::write, "bench-heartbeat-writer");
        poller = new Thread(this::poll, "bench-heartbeat-poller");
        writer.setDaemon(true);
        poller.setDaemon(true);
        writer.start();
        poller.start();
    }

    /** Forgets the lag samples so far, e.g. after a warm-up. */
    synchronized void clearSamples() {
        samples.clear();
    }

    /** Lag samples since the last clear: {visible-at nanos, lag nanos}. */
    synchronized List<long[]> samples() {
        return new ArrayList<>(samples);
    }

    /** True once the target shows the latest number sent. */
    boolean caughtUp() {
        return lastSeen.get() >= lastSent.get();
    }

    /**
     * Waits until the target shows the number sent at the time of the call (at least the first one
     * this heartbeat sent, so a pipeline whose change stream is not yet up is not taken as caught up);
     * false after {@code millis}.
     */
    boolean awaitCaughtUp(long millis) throws InterruptedException {
        long wanted = Math.max(first, lastSent.get());
        long deadline = System.currentTimeMillis() + millis;
        while (lastSeen.get() < wanted) {
            throwIfFailed();
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("The heartbeat failed: " + failure.getMessage(), failure);
        }
    }

    private void write() {
        try (Connection c = source.openConnection()) {
            while (running) {
                long seq = bump(c, tables, lastSent.get() + 1);
                committedAt.put(seq, System.nanoTime());
                lastSent.set(seq);
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (Exception e) {
            if (running) {
                failure = e;
            }
        }
    }

    private void poll() {
        try (Connection c = target.openConnection()) {
            while (running) {
                seen(visible(c, tables), System.nanoTime());
                Thread.sleep(POLL_MILLIS);
            }
        } catch (Exception e) {
            if (running) {
                failure = e;
            }
        }
    }

    private void seen(long seq, long now) {
        if (seq <= lastSeen.get()) {
            return;
        }
        lastSeen.set(seq);
        Long committed = committedAt.remove(seq);
        if (committed != null) {
            synchronized (this) {
                samples.add(new long[] {now, now - committed});
            }
        }
        committedAt.keySet().removeIf(old -> old < seq);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
        poller.join(5_000);
    }
}
