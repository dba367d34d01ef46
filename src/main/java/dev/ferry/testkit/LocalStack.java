package dev.ferry.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a Ferry pipeline runs against, on 127.0.0.1: a source and a destination MySQL, a Kafka
 * broker and a Connect worker. The servers start in parallel where they can; closing stops Connect
 * first (and waits for it), then the broker, then the MySQL servers.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final MySqlServer source;
    private final MySqlServer destination;
    private final KafkaBroker broker;
    private final ConnectWorker connect;

    private LocalStack(MySqlServer source, MySqlServer destination, KafkaBroker broker, ConnectWorker connect) {
        this.source = source;
        this.destination = destination;
        this.broker = broker;
        this.connect = connect;
    }

    public static LocalStackBuilder builder(Path workDir) {
        return new LocalStackBuilder(workDir);
    }

    static LocalStack launch(LocalStackBuilder settings) {
        long started = System.nanoTime();
        MySqlServerBuilder sourceSettings = settings.source();
        MySqlServerBuilder destinationSettings = settings.destination();
        KafkaBrokerBuilder brokerSettings = settings.broker();
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> starts = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3, daemonThreads());
        try {
            CompletableFuture<MySqlServer> source = startAsync(sourceSettings::start, running, threads);
            CompletableFuture<MySqlServer> destination = startAsync(destinationSettings::start, running, threads);
            CompletableFuture<KafkaBroker> broker = startAsync(brokerSettings::start, running, threads);
            starts.addAll(List.of(source, destination, broker));
            CompletableFuture.allOf(source, destination, broker).join();
            ConnectWorker connect = settings.connect(broker.join().bootstrapServers()).build();
            running.add(connect);
            LocalStack stack = new LocalStack(source.join(), destination.join(), broker.join(), connect.start());
            LOG.info("Local stack ready in {} ms: {}", (System.nanoTime() - started) / 1_000_000, stack);
            return stack;
        } catch (RuntimeException e) {
            RuntimeException failure = unwrap(e);
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).handle((ok, error) -> null).join();
            closeInReverse(running, failure);
            throw failure;
        } finally {
            threads.shutdown();
        }
    }

    public MySqlServer source() {
        return source;
    }

    public MySqlServer destination() {
        return destination;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public ConnectWorker connect() {
        return connect;
    }

    /** Shortcut for {@code connect().rest()}. */
    public ConnectRestClient rest() {
        return connect.rest();
    }

    /** Stops Connect and waits for it, then the broker, then kills both MySQL servers. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable each : List.of(connect, broker, source, destination)) {
            try {
                each.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("Closing the local stack failed", e) : failure;
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "source " + source + ", destination " + destination + ", " + broker + ", " + connect;
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startAsync(
            Supplier<T> starter, List<AutoCloseable> running, ExecutorService threads) {
        return CompletableFuture.supplyAsync(() -> {
            T server = starter.get();
            running.add(server);
            return server;
        }, threads);
    }

    private static void closeInReverse(List<AutoCloseable> running, RuntimeException cause) {
        synchronized (running) {
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException
                ? (RuntimeException) e.getCause() : e;
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "ferry-testkit-start");
            thread.setDaemon(true);
            return thread;
        };
    }
}
