package dev.ferry.source;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackoffTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theFirstAttemptIsDueAtOnceAndFailuresDoubleTheWaitUpToTheMaximum() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(backoff.remaining(0)).isZero();

        backoff.failed(0);
        assertThat(backoff.remaining(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.remaining(S / 2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.remaining(S)).isZero();

        backoff.failed(S);
        assertThat(backoff.currentWait()).isEqualTo(Duration.ofSeconds(2));
        backoff.failed(3 * S);
        assertThat(backoff.currentWait()).isEqualTo(Duration.ofSeconds(4));
        backoff.failed(7 * S);
        assertThat(backoff.currentWait()).isEqualTo(Duration.ofSeconds(5));
        backoff.failed(12 * S);
        assertThat(backoff.currentWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.failures()).isEqualTo(5);
        assertThat(backoff.remaining(12 * S)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aSuccessfulStartResetsIt() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        backoff.failed(0);
        backoff.failed(S);
        backoff.succeeded();
        assertThat(backoff.remaining(S)).isZero();
        assertThat(backoff.failures()).isZero();

        backoff.failed(10 * S);
        assertThat(backoff.currentWait()).isEqualTo(Duration.ofSeconds(1));
    }
}
