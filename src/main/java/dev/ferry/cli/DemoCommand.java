package dev.ferry.cli;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.SampleShop;
import dev.ferry.testkit.SourceWorkload;
import dev.ferry.testkit.TableComparison;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/ferry demo [--keep]}: a MySQL source and destination, a Kafka broker and a Connect
 * worker as separate processes; a sample database migrated by the connectors deployed from
 * {@code connector-config/}, with progress, live changes, and a comparison made by each server.
 */
final class DemoCommand {
    private static final String DATABASE = "shop";
    private static final int CUSTOMERS = 2_000;
    private static final int PAGE_VIEWS = 20_000;
    private static final int LIVE_STATEMENTS = 1_000;
    private static final long TIMEOUT_MILLIS = 180_000;

    private final PrintStream out = System.out;
    private final long started = System.nanoTime();

    int run(List<String> args) throws Exception {
        boolean keep = args.contains("--keep");
        Path work = Path.of(".ferry", "demo");
        deleteTree(work);
        Files.createDirectories(work);
        step(1, "Starting MySQL 8.0 source, MySQL 8.0 destination, Kafka and Kafka Connect as separate processes");
        try (LocalStack stack = LocalStack.builder(work).start()) {
            say("   source      mysql://root@127.0.0.1:%d", stack.source().port());
            say("   destination mysql://root@127.0.0.1:%d", stack.destination().port());
            say("   Kafka       %s,  Connect REST %s", stack.broker().bootstrapServers(), stack.connect().restUrl());
            boolean equal = migrate(stack);
            if (keep) {
                say("%nThe stack keeps running (--keep). Connectors: %s. Press Ctrl-C to stop every process; "
                        + "the logs stay in %s.", stack.rest().connectors(), work.toAbsolutePath());
                Thread.currentThread().join();
            }
            step(7, "Stopping Connect, Kafka and MySQL");
            return equal ? 0 : 1;
        }
    }

    private boolean migrate(LocalStack stack) throws Exception {
        step(2, "Creating the sample database '" + DATABASE + "' on the source");
        FerryPipeline.createUsers(stack);
        try (Connection c = stack.source().openConnection()) {
            new SampleShop(42).create(c, DATABASE, CUSTOMERS, PAGE_VIEWS);
        }
        Map<String, Long> expected = counts(stack.source(), DATABASE);
        say("   %s: %,d rows", expected, expected.values().stream().mapToLong(Long::longValue).sum());

        step(3, "Deploying connector-config/mysql-sink.json and mysql-source.json through the Connect REST API");
        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "ferry", DATABASE);
        pipeline.deploy(Map.of(), Map.of());
        say("   %s and %s are RUNNING", pipeline.sourceName(), pipeline.sinkName());

        step(4, "Snapshot: rows arriving on the destination");
        awaitCounts(stack, pipeline, expected);

        step(5, "Live changes: " + LIVE_STATEMENTS + " INSERT/UPDATE/DELETE statements on the source, some in transactions");
        try (Connection c = stack.source().openConnection()) {
            new SourceWorkload(7, CUSTOMERS, PAGE_VIEWS).run(c, DATABASE, LIVE_STATEMENTS);
        }
        long changed = System.nanoTime();
        boolean equal = awaitEqual(stack);
        say("   caught up %.1f s after the last statement", (System.nanoTime() - changed) / 1e9);

        step(6, "Comparing every table, row by row, with SQL run on each server");
        List<TableComparison.Result> results = compare(stack);
        results.forEach(r -> say("   %s", r));
        equal = results.stream().allMatch(TableComparison.Result::equal);
        say("%nResult: %s", equal ? "EQUAL: the destination holds exactly what the source holds."
                : "DIFFERENT: see the tables marked above.");
        return equal;
    }

    private void awaitCounts(LocalStack stack, FerryPipeline pipeline, Map<String, Long> expected) throws Exception {
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        long begin = System.nanoTime();
        long shown = -1;
        while (true) {
            Map<String, Long> arrived = counts(stack.destination(), DATABASE);
            long done = expected.keySet().stream().mapToLong(t -> arrived.getOrDefault(t, 0L)).sum();
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (done != shown) {
                say("   [%5.1f s] %,7d / %,d rows  %s", seconds, done, total, progressBar(done, total));
                shown = done;
            }
            failIfStopped(stack, pipeline);
            if (arrived.entrySet().containsAll(expected.entrySet())) {
                say("   snapshot copied in %.1f s", seconds);
                return;
            }
            if (seconds * 1000 > TIMEOUT_MILLIS) {
                throw new IllegalStateException("The snapshot did not arrive within " + TIMEOUT_MILLIS / 1000 + " s; see "
                        + stack.connect().logFile());
            }
            Thread.sleep(500);
        }
    }

    private static void failIfStopped(LocalStack stack, FerryPipeline pipeline) {
        for (String connector : List.of(pipeline.sourceName(), pipeline.sinkName())) {
            stack.rest().status(connector).failure().ifPresent(failure -> {
                throw new IllegalStateException(connector + " failed: " + failure);
            });
        }
    }

    private boolean awaitEqual(LocalStack stack) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (compare(stack).stream().allMatch(TableComparison.Result::equal)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static List<TableComparison.Result> compare(LocalStack stack) throws SQLException {
        List<TableComparison.Result> results = new ArrayList<>();
        try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
            for (String table : SampleShop.TABLES) {
                results.add(TableComparison.compare(source, destination, DATABASE, table));
            }
        }
        return results;
    }

    private static Map<String, Long> counts(dev.ferry.testkit.MySqlServer server, String database) throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (Connection c = server.openConnection(); Statement s = c.createStatement()) {
            for (String table : SampleShop.TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + database + "`.`" + table + "`")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
                catch (SQLException e) {
                    counts.put(table, 0L);
                }
            }
        }
        return counts;
    }

    private static String progressBar(long done, long total) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    private void step(int number, String text) {
        say("%n[%5.1f s] %d. %s", (System.nanoTime() - started) / 1e9, number, text);
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
