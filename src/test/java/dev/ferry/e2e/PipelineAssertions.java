package dev.ferry.e2e;

import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.SampleShop;
import dev.ferry.testkit.TableComparison;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits until the destination equals the source, table by table, as each server computes it. */
final class PipelineAssertions {

    private PipelineAssertions() {
    }

    /** Waits until the sink recorded the snapshot of {@code count} tables of the destination database as applied. */
    static void awaitSnapshots(LocalStack stack, String destinationDatabase, int count, Duration timeout) throws Exception {
        String query = "SELECT COUNT(*) FROM ferry.sink_progress WHERE snapshot_done AND source_database = '" + destinationDatabase
                + "' AND source_table <> '__ferry_objects'";
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = stack.destination().queryString(query);
                if (Integer.toString(count).equals(last)) {
                    return;
                }
            }
            catch (SQLException notYet) {
                last = notYet.getMessage();
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("snapshots applied in " + destinationDatabase + ": " + last + ", expected " + count);
    }

    static List<TableComparison.Result> compare(LocalStack stack, String database) throws SQLException {
        List<TableComparison.Result> results = new ArrayList<>();
        try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
            for (String table : SampleShop.TABLES) {
                results.add(TableComparison.compare(source, destination, database, table));
            }
        }
        return results;
    }

    /** Polls until every table is equal, then asserts it (with the last differences if it never was). */
    static void awaitIdentical(LocalStack stack, String database, Duration timeout, String... connectors) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TableComparison.Result> results = compare(stack, database);
        while (!allEqual(results) && System.nanoTime() < deadline) {
            assertRunning(stack, connectors);
            Thread.sleep(500);
            results = compare(stack, database);
        }
        assertThat(results).as("destination versus source after waiting up to %s", timeout)
                .allMatch(TableComparison.Result::equal);
        assertRunning(stack, connectors);
    }

    /** Polls until the query gives the same answer on both servers, then asserts it. */
    static void awaitEqual(LocalStack stack, String query, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String source = stack.source().queryString(query);
        String destination = stack.destination().queryString(query);
        while (!source.equals(destination) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            destination = stack.destination().queryString(query);
        }
        assertThat(destination).as("destination versus source for %s", query).isEqualTo(source);
    }

    /** Neither connector nor any of its tasks has failed. */
    static void assertRunning(LocalStack stack, String... connectors) {
        for (String connector : connectors) {
            stack.rest().status(connector).failure().ifPresent(f -> {
                throw new AssertionError(connector + " failed: " + f);
            });
        }
    }

    private static boolean allEqual(List<TableComparison.Result> results) {
        return results.stream().allMatch(TableComparison.Result::equal);
    }
}
