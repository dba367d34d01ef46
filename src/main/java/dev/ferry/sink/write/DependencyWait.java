package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.event.SourcePosition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How long a replayed view statement may wait for the tables and columns it names. Their own DDL
 * travels on the tables' topics, which the sink may read later than the database's objects topic, so a
 * statement the destination refuses for a missing table or column is tried again until it has waited
 * {@code ddl.dependency.wait.ms} since its first refusal; then the DDL error policy decides.
 */
public final class DependencyWait {
    private final long limitNanos;
    private final LongSupplier nanoTime;
    /** Per objects topic (its placeholder table): the statement waiting, and since when. */
    private final Map<TableId, Waiting> waiting = new HashMap<>();

    private record Waiting(SourcePosition at, long since) {
    }

    public DependencyWait(Duration limit) {
        this(limit, System::nanoTime);
    }

    DependencyWait(Duration limit, LongSupplier nanoTime) {
        this.limitNanos = limit.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Called when the statement at {@code at} was refused for a missing table or column: whether it may be tried
     * again later. Its wait starts at its first refusal.
     */
    public boolean mayWait(TableId objects, SourcePosition at) {
        long now = nanoTime.getAsLong();
        Waiting current = waiting.get(objects);
        if (current == null || !current.at().equals(at)) {
            current = new Waiting(at, now);
            waiting.put(objects, current);
        }
        if (now - current.since() < limitNanos) {
            return true;
        }
        waiting.remove(objects);
        return false;
    }

    /** Whether the statement at {@code at} has not been refused before (its wait has not started). */
    public boolean isFirstRefusal(TableId objects, SourcePosition at) {
        Waiting current = waiting.get(objects);
        return current == null || !current.at().equals(at);
    }

    /** The statement of {@code objects} that waited is applied (or given up): the next one starts afresh. */
    public void done(TableId objects) {
        waiting.remove(objects);
    }
}
