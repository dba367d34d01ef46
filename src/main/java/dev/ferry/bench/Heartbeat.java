package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end lag: a row on the source whose sequence number is bumped every {@value #INTERVAL_MILLIS}
 * ms (the time its commit returned is kept), and a poller on the target that notes when each new
 * number becomes visible there. Lag = visible on the target minus committed on the source; both
 * clocks are this JVM's.
 */
final class Heartbeat implements AutoCloseable {
    static final int INTERVAL_MILLIS = 50;
    private static final int POLL_MILLIS = 5;

    private final MySqlServer source;
    private final MySqlServer target;
    private final String table;
    private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final AtomicLong lastSent = new AtomicLong();
    private final AtomicLong lastSeen = new AtomicLong();
    private final List<long[]> samples = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Exception failure;
    private final Thread writer;
    private final Thread poller;

    /** Creates the heartbeat table {@code database.bench_heartbeat} on the source. */
    static void createTable(MySqlServer source, String database) throws SQLException {
        source.execute("CREATE TABLE IF NOT EXISTS `" + database + "`.bench_heartbeat "
                        + "(id INT NOT NULL PRIMARY KEY, seq BIGINT NOT NULL)",
                "INSERT IGNORE INTO `" + database + "`.bench_heartbeat VALUES (1, 0)");
    }

    Heartbeat(MySqlServer source, MySqlServer target, String database) throws SQLException {
        this.source = source;
        this.target = target;
        this.table = "`" + database + "`.bench_heartbeat";
        long start = Long.parseLong(source.queryString("SELECT seq FROM " + table + " WHERE id = 1"));
        lastSent.set(start);
        lastSeen.set(start);
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

    /** Waits until the target shows the number sent at the time of the call; false after {@code millis}. */
    boolean awaitCaughtUp(long millis) throws InterruptedException {
        long wanted = lastSent.get();
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
        try (Connection c = source.openConnection();
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET seq = ? WHERE id = 1")) {
            while (running) {
                long seq = lastSent.get() + 1;
                update.setLong(1, seq);
                update.executeUpdate();
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
        try (Connection c = target.openConnection();
                PreparedStatement select = c.prepareStatement("SELECT seq FROM " + table + " WHERE id = 1")) {
            while (running) {
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        seen(rows.getLong(1), System.nanoTime());
                    }
                } catch (SQLException e) {
                    if (!e.getMessage().contains("doesn't exist")) {
                        throw e;
                    }
                }
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
