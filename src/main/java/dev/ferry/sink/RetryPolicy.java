package dev.ferry.sink;

import dev.ferry.sink.write.WriteException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Turns a failed write into what {@code put()} throws: a transient failure becomes a
 * {@link RetriableException} after asking the framework to wait the backoff (Connect then delivers
 * the same records again), up to {@code max.retries} times in a row; anything else, or one failure too
 * many, becomes a {@link ConnectException} that fails the task.
 */
final class RetryPolicy {
    private final int maxRetries;
    private final Duration backoff;
    private int consecutive;

    RetryPolicy(int maxRetries, Duration backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    void succeeded() {
        consecutive = 0;
    }

    /**
     * @param timeout the task context's {@code timeout(ms)}
     */
    ConnectException onFailure(WriteException failure, LongConsumer timeout) {
        if (failure.isTransient() && consecutive < maxRetries) {
            consecutive++;
            timeout.accept(backoff.toMillis());
            return new RetriableException(failure.getMessage() + " (retry " + consecutive + " of " + maxRetries
                    + " in " + backoff.toMillis() + " ms)", failure);
        }
        String message = failure.isTransient()
                ? failure.getMessage() + " (still failing after " + consecutive + " retries; see max.retries)"
                : failure.getMessage();
        consecutive = 0;
        return new ConnectException(message, failure);
    }
}
