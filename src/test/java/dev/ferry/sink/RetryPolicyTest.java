package dev.ferry.sink;

import dev.ferry.core.TableId;
import dev.ferry.sink.write.StatementKind;
import dev.ferry.sink.write.WriteException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private static final TableId TABLE = new TableId("shop", "orders");
    private static final String ROW_VALUE = "alice@example.com";

    private final List<Long> timeouts = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(500));

    private static WriteException deadlock() {
        return WriteException.of(TABLE, List.of("id"), StatementKind.UPSERT, new SQLException("Deadlock found", "40001", 1213));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenFailTheTask() {
        assertThat(policy.onFailure(deadlock(), timeouts::add)).isInstanceOf(RetriableException.class).hasMessageContaining("retry 1 of 2");
        assertThat(policy.onFailure(deadlock(), timeouts::add)).isInstanceOf(RetriableException.class);
        ConnectException last = policy.onFailure(deadlock(), timeouts::add);
        assertThat(last).isNotInstanceOf(RetriableException.class).hasMessageContaining("after 2 retries");
        assertThat(timeouts).containsExactly(500L, 500L);
    }

    @Test
    void successResetsTheCount() {
        policy.onFailure(deadlock(), timeouts::add);
        policy.onFailure(deadlock(), timeouts::add);
        policy.succeeded();
        assertThat(policy.onFailure(deadlock(), timeouts::add)).isInstanceOf(RetriableException.class);
    }

    @Test
    void aPermanentFailureFailsTheTaskAtOnceWithoutRowValues() {
        SQLException error = new SQLIntegrityConstraintViolationException(
                "Duplicate entry '" + ROW_VALUE + "' for key 'uk_email'", "23000", 1062);
        ConnectException failure = policy.onFailure(WriteException.of(TABLE, List.of("id", "email"), StatementKind.UPSERT, error), timeouts::add);
        assertThat(failure).isNotInstanceOf(RetriableException.class);
        assertThat(failure.getMessage()).contains("upsert", "`shop`.`orders`", "1062", "uk_email");
        assertThat(timeouts).isEmpty();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(ROW_VALUE);
        }
    }
}
