package dev.ferry.fidelity;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.TimeZoneTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bit-exact copy of every MySQL data type at its edge values: the tables of {@link FidelityCases}
 * are copied by the snapshot, then changed on the source (inserts, updates with before images that
 * matter, key updates, deletes) and carried by the binlog. After each phase every value is compared
 * with SQL each server evaluates ({@link ValueComparison}). The source runs in Europe/Berlin, the
 * destination in America/New_York. One subclass per source version.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFidelityIT {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private LocalStack stack;

    abstract MySqlVersion sourceVersion();

    @Test
    void everyValueArrivesUnchangedThroughSnapshotAndBinlog() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", getClass().getSimpleName()));
        stack = LocalStack.builder(work).sourceVersion(sourceVersion()).destinationVersion(MySqlVersion.V8_0)
                .configureSource(b -> b.flag("max-allowed-packet", "64M"))
                .configureDestination(b -> b.flag("max-allowed-packet", "64M"))
                .start();
        FerryPipeline.createUsers(stack);
        useTimeZone(stack.source().openConnection(), FidelityCases.SOURCE_ZONE);
        useTimeZone(stack.destination().openConnection(), FidelityCases.DESTINATION_ZONE);
        List<FidelityTable> tables = FidelityCases.all(sourceVersion());
        createOnSource(tables);
        assertSourceHoldsTheEdgeValues();

        FerryPipeline pipeline = new FerryPipeline(stack, Path.of("connector-config"), "fidelity", FidelityCases.DATABASE);
        // The zero dates are there on purpose; the precheck's warning about them is acknowledged (README, Precheck).
        // load.data.min.rows=1: every snapshot run goes through LOAD DATA (the bulk path), the binlog's through statements.
        pipeline.deploy(Map.of("precheck.acknowledged.warnings", "source.tables.keyless,fidelity.dates.zero"),
                Map.of("load.data.min.rows", "1"));
        awaitIdentical(tables, "after the snapshot", pipeline);
        assertSameColumnDefinitions(tables);
        assertThat(loadsOnDestination()).as("snapshot rows written through LOAD DATA").isPositive();

        changeOnSource(tables);
        awaitIdentical(tables, "after the binlog changes", pipeline);
    }

    /** How many LOAD DATA statements the destination has run. */
    private long loadsOnDestination() throws SQLException {
        try (Connection c = stack.destination().openConnection(); Statement s = c.createStatement();
             java.sql.ResultSet status = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_load'")) {
            return status.next() ? status.getLong(2) : 0;
        }
    }

    /** Fills the zone tables from Java's rules and makes {@code zone} the server's zone for every new session. */
    private static void useTimeZone(Connection connection, String zone) throws SQLException {
        try (connection; Statement s = connection.createStatement()) {
            TimeZoneTables.load(connection, FidelityCases.SOURCE_ZONE, FidelityCases.DESTINATION_ZONE);
            s.execute("SET GLOBAL time_zone = '" + zone + "'");
        }
    }

    private void createOnSource(List<FidelityTable> tables) throws SQLException {
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + FidelityCases.DATABASE);
            s.execute("USE " + FidelityCases.DATABASE);
            for (FidelityTable table : tables) {
                s.execute("SET SESSION sql_mode = '" + FidelityTable.STRICT + "', time_zone = DEFAULT");
                s.execute(table.ddl());
                s.execute("SET SESSION sql_mode = '" + table.sqlMode() + "'");
                for (String row : table.rows()) {
                    s.execute(row);
                }
            }
        }
    }

    /** The suite would prove nothing if the source had not stored the edge values it means to copy. */
    private void assertSourceHoldsTheEdgeValues() throws SQLException {
        String db = FidelityCases.DATABASE + ".";
        assertThat(stack.source().queryString("SELECT CONCAT(ATAN2(f, -1) < 0, ATAN2(d, -1) < 0) FROM " + db + "floats WHERE id = 1"))
                .as("FLOAT and DOUBLE -0 on the source").isEqualTo("11");
        assertThat(stack.source().queryString("SELECT CONCAT(CAST(d AS CHAR), '/', CAST(dt AS CHAR)) FROM " + db + "zero_dates WHERE id = 1"))
                .isEqualTo("0000-00-00/0000-00-00 00:00:00");
        assertThat(stack.source().queryString("SELECT CONCAT(e + 0, '/', en + 0) FROM " + db + "enums_sets WHERE id = 2"))
                .as("the invalid ENUM value").isEqualTo("0/0");
        assertThat(stack.source().queryString("SELECT CONCAT(LENGTH(mb), '/', (SELECT LENGTH(lt) FROM " + db
                + "large_values WHERE id = 2)) FROM " + db + "large_values WHERE id = 1")).isEqualTo("16777215/16777216");
        assertThat(stack.source().queryString("SELECT COUNT(DISTINCT UNIX_TIMESTAMP(ts6)) FROM " + db + "temporals WHERE id IN (3, 4)"))
                .as("two TIMESTAMPs in the hour the source's zone repeats").isEqualTo("2");
    }

    /** Runs each table's changes, or the generic ones, in the table's sql_mode, in the source's zone. */
    private void changeOnSource(List<FidelityTable> tables) throws SQLException {
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            s.execute("USE " + FidelityCases.DATABASE);
            for (FidelityTable table : tables.stream().filter(FidelityTable::streamed).toList()) {
                s.execute("SET SESSION sql_mode = '" + table.sqlMode() + "', time_zone = DEFAULT");
                List<String> changes = table.changes().isEmpty() ? genericChanges(c, table) : table.changes();
                for (String change : changes) {
                    s.execute(change);
                }
            }
        }
    }

    /**
     * Every row copied under a new key (inserts of every edge value), every row given the values of
     * the next one (updates from and to NULL and between edge values), a key update and deletes.
     */
    private static List<String> genericChanges(Connection c, FidelityTable table) throws SQLException {
        List<String> columns = writableColumns(c, table.name());
        List<String> others = columns.subList(1, columns.size());
        int rows = Integer.parseInt(queryString(c, "SELECT MAX(id) FROM " + table.name()));
        String t = table.name();
        String assignments = String.join(", ", others.stream().map(col -> "a." + col + " = b." + col).toList());
        return List.of(
                "INSERT INTO " + t + " (" + String.join(", ", columns) + ") SELECT id + 1000, " + String.join(", ", others)
                        + " FROM " + t,
                "UPDATE " + t + " a JOIN (SELECT * FROM " + t + " WHERE id <= " + rows + " LIMIT 1000000) b "
                        + "ON b.id = IF(a.id = " + rows + ", 1, a.id + 1) SET " + assignments,
                "UPDATE " + t + " SET id = id + 2000 WHERE id = 2",
                "DELETE FROM " + t + " WHERE id IN (1, 1003)");
    }

    private static List<String> writableColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, FidelityCases.DATABASE);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add("`" + rs.getString(1) + "`");
                }
            }
        }
        return columns;
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Polls until no table differs, then asserts it, listing every difference left. */
    private void awaitIdentical(List<FidelityTable> tables, String phase, FerryPipeline pipeline) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> differences = differences(tables);
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            assertRunning(pipeline);
            Thread.sleep(1000);
            differences = differences(tables);
        }
        assertThat(differences).as("differences %s (waited up to %s)", phase, WAIT).isEmpty();
        assertRunning(pipeline);
    }

    private List<String> differences(List<FidelityTable> tables) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
            for (FidelityTable table : tables) {
                differences.addAll(ValueComparison.of(source, FidelityCases.DATABASE, table.name(), !table.keyless())
                        .differences(source, destination));
            }
        }
        return differences;
    }

    private void assertRunning(FerryPipeline pipeline) {
        for (String connector : List.of(pipeline.sourceName(), pipeline.sinkName())) {
            stack.rest().status(connector).failure().ifPresent(f -> {
                throw new AssertionError(connector + " failed: " + f);
            });
        }
    }

    /** The destination tables Ferry created have the source's exact column types, charsets and generated columns. */
    private void assertSameColumnDefinitions(List<FidelityTable> tables) throws SQLException {
        // 8.0 spells GEOMETRYCOLLECTION as its synonym GEOMCOLLECTION.
        String sql = "SELECT GROUP_CONCAT(CONCAT_WS(' ', COLUMN_NAME, REPLACE(COLUMN_TYPE, 'geometrycollection', 'geomcollection'), IS_NULLABLE, CHARACTER_SET_NAME, COLLATION_NAME, "
                + "EXTRA) ORDER BY ORDINAL_POSITION SEPARATOR '; ') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + FidelityCases.DATABASE + "' AND TABLE_NAME = '%s'";
        for (FidelityTable table : tables) {
            String query = String.format(sql, table.name());
            assertThat(stack.destination().queryString(query)).as("columns of %s", table.name())
                    .isEqualTo(stack.source().queryString(query));
        }
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
