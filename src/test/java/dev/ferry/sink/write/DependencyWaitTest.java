package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.event.SourcePosition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyWaitTest {
    private static final TableId OBJECTS = new TableId("shop", "__ferry_objects");
    private static final SourcePosition AT = new SourcePosition(1, 400, 0, 0);

    private final AtomicLong now = new AtomicLong(1_000);
    private final DependencyWait wait = new DependencyWait(Duration.ofSeconds(10), now::get);

    @Test
    void aStatementWaitsFromItsFirstRefusalUntilTheLimit() {
        assertThat(wait.mayWait(OBJECTS, AT)).isTrue();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(wait.mayWait(OBJECTS, AT)).isTrue();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(wait.mayWait(OBJECTS, AT)).isFalse();
    }

    @Test
    void theNextStatementOrOneAppliedStartsAfresh() {
        assertThat(wait.mayWait(OBJECTS, AT)).isTrue();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(wait.mayWait(OBJECTS, new SourcePosition(1, 500, 0, 0))).isTrue();
        wait.done(OBJECTS);
        assertThat(wait.mayWait(OBJECTS, AT)).isTrue();
    }

    @Test
    void eachObjectsTopicWaitsOnItsOwn() {
        assertThat(wait.mayWait(OBJECTS, AT)).isTrue();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(wait.mayWait(new TableId("other", "__ferry_objects"), AT)).isTrue();
        assertThat(wait.mayWait(OBJECTS, AT)).isFalse();
    }

    @Test
    void noWaitAtAllWithALimitOfZero() {
        DependencyWait none = new DependencyWait(Duration.ZERO, now::get);
        assertThat(none.mayWait(OBJECTS, AT)).isFalse();
    }
}
