package dev.ferry.source;

import java.time.Duration;

/**
 * When to try again to start the binlog stream after a start failed: the first retry comes after
 * {@code initial}, each further one after twice the previous wait, at most {@code max} apart, so an
 * unreachable source is neither hammered with connections nor given up on. A successful start resets it.
 */
final class RestartBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private long waitNanos;
    private long nextAttempt;
    private int failures;

    RestartBackoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** Records a failed start at {@code now} (nanoTime); the next attempt is due one wait later. */
    void failed(long now) {
        waitNanos = failures == 0 ? initialNanos : Math.min(maxNanos, waitNanos * 2);
        failures++;
        nextAttempt = now + waitNanos;
    }

    void succeeded() {
        failures = 0;
        waitNanos = 0;
    }

    /** How long from {@code now} until the next attempt is due; zero when it is due. */
    Duration remaining(long now) {
        return failures == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, nextAttempt - now));
    }

    /** The wait before the attempt after the last failure. */
    Duration currentWait() {
        return Duration.ofNanos(waitNanos);
    }

    int failures() {
        return failures;
    }
}
