package dev.ferry.testkit;

import java.time.Duration;

/** Sleeps between polls; an interrupt ends the wait with an exception and keeps the flag set. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
