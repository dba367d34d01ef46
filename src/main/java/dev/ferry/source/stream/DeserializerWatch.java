package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.debezium.connector.binlog.BinlogStreamingChangeEventSource;
import io.debezium.pipeline.ChangeEventSourceCoordinator;

/**
 * Registers {@link ExactTemporalDecoding} on the binlog client of Debezium's streaming source as soon
 * as Debezium's coordinator has created it (on its own thread, some time after the task started), and
 * again for each coordinator Debezium creates when it restarts after a retriable error.
 *
 * <p>Whether the registration came in time is decided without timing: the client sets its connection
 * id when it connects, before it notifies its listeners and reads the first event (both fields are
 * volatile). A registration that still sees connection id 0 therefore precedes the client's first
 * connection, and the listener runs before every event that client reads ({@link State#INSTALLED}); one
 * that sees another id may have come after events were read ({@link State#LOST}).
 */
final class DeserializerWatch implements AutoCloseable {
    /** Whether the current coordinator's rows are read by Ferry's deserializers. */
    enum State {
        /** The current coordinator has no registration yet: its rows, if any, may not be. */
        WAITING,
        /** Registered before the client's first connection: every row is. */
        INSTALLED,
        /** Registered after the client had connected: rows may have been read by Debezium's deserializers. */
        LOST
    }

    private record Registration(Object coordinator, State state) {
    }

    private final DebeziumStream.Task task;
    private final BinaryLogClient.LifecycleListener installer;
    private final Thread thread;
    private volatile Registration registration;
    private volatile boolean closed;

    DeserializerWatch(DebeziumStream.Task task, BinaryLogClient.LifecycleListener installer) {
        this.task = task;
        this.installer = installer;
        this.thread = new Thread(this::watch, "ferry-binlog-deserializer-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The state for the coordinator the task has now (call from the task's own thread). */
    State state() {
        Registration current = registration;
        if (current == null || current.coordinator() != task.currentCoordinator()) {
            return State.WAITING;
        }
        return current.state();
    }

    /** The state a registration has given the client's connection id just after it. */
    static State afterRegistration(long connectionId) {
        return connectionId == 0 ? State.INSTALLED : State.LOST;
    }

    private void watch() {
        try {
            while (!closed) {
                Object coordinator = task.currentCoordinator();
                Registration current = registration;
                boolean registered = current != null && current.coordinator() == coordinator;
                if (!registered && coordinator != null) {
                    BinaryLogClient client = clientOf((ChangeEventSourceCoordinator<?, ?>) coordinator);
                    if (client != null) {
                        client.registerLifecycleListener(installer);
                        registration = new Registration(coordinator, afterRegistration(client.getConnectionId()));
                        registered = true;
                    }
                }
                // Fast until registered: Debezium connects the client within milliseconds of creating it.
                Thread.sleep(registered ? 50 : 1);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BinaryLogClient clientOf(ChangeEventSourceCoordinator<?, ?> coordinator) {
        return coordinator.getStreamingSource()
                .filter(BinlogStreamingChangeEventSource.class::isInstance)
                .map(source -> ((BinlogStreamingChangeEventSource<?, ?>) source).getBinaryLogClient())
                .orElse(null);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
