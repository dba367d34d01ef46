package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.filter.BoundRowFilter;
import dev.ferry.core.filter.RowFilter;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourceConnections;
import dev.ferry.source.catalog.TableCatalog;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ferry's filter evaluator against MySQL itself: for every condition, the rows MySQL selects with
 * the condition Ferry pushes into the snapshot query are exactly the rows whose images (read the way
 * the snapshot reads them) Ferry's evaluator finds TRUE. Edge values: NULLs, trailing spaces, case,
 * the largest unsigned BIGINT, decimals of different scales, fractional seconds, leap days. (The NO
 * PAD collation utf8mb4_0900_bin needs MySQL 8.0.17; the test servers are 8.0.15 and 5.7.)
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowFilterSemanticsIT {
    private static final TableId T = new TableId("filters", "t");
    private static final List<String> CONDITIONS = List.of(
            "i = 5", "i <> 5", "i != 5", "i < 5.5", "i >= -1", "i BETWEEN -1 AND 5", "i NOT BETWEEN -1 AND 5",
            "i IN (1, 5, NULL)", "i NOT IN (1, 5)", "i NOT IN (1, NULL)", "i IS NULL", "i IS NOT NULL", "i = NULL",
            "u = 18446744073709551615", "u > 18446744073709551614", "u < 1", "u >= 0.5",
            "d = 10.5", "d > 10.49", "d <= -0.001", "d IN (10.50, 0)", "d BETWEEN 0 AND 10.5",
            "y = 2024", "y < 2000",
            "dt = '2024-02-29 23:59:59.5'", "dt > '2024-02-29'", "dt < '2024-02-29 23:59:59.499999'", "dt >= '2024-03-01'",
            "ts > '2024-01-01 00:00:00'", "ts = '2024-02-29 23:59:59.500'",
            "dd = '2024-02-29'", "dd < '2024-02-29'", "dd BETWEEN '2000-01-01' AND '2024-12-31'",
            "s = 'Ab'", "s = 'ab'", "s = 'Ab  '", "s IN ('x', 'Ab')", "s <> 'Ab'", "s = ''", "s = 'it''s'",
            "c = 'Ab'", "c = 'Ab '",
            "b = 'hi'", "b = 'hi '", "b IN ('hi', 'x')", "l = 'Ab'",
            "NOT (i = 5 OR s = 'Ab')", "i = 5 AND (s = 'Ab' OR s IS NULL)", "NOT i IN (1, 2) AND NOT s = 'x'",
            "(i > 0 OR d > 0) AND NOT (dt IS NULL)");

    private MySqlServer mysql;

    /** The source server's version; a subclass runs the same conditions on another. */
    MySqlVersion version() {
        return MySqlVersion.V8_0;
    }

    @BeforeAll
    void start() throws Exception {
        mysql = MySqlServer.start(version(), Files.createDirectories(Path.of("target", "it", getClass().getSimpleName())));
        mysql.execute("CREATE DATABASE filters",
                "CREATE TABLE filters.t (id INT PRIMARY KEY, i INT, u BIGINT UNSIGNED, d DECIMAL(12,4), y YEAR, dt DATETIME(6), "
                        + "ts TIMESTAMP(3) NULL, dd DATE, s VARCHAR(10) COLLATE utf8mb4_bin, "
                        + "c CHAR(4) COLLATE utf8mb4_bin, b VARBINARY(4), "
                        + "l VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin)",
                "SET time_zone = '+00:00'",
                "INSERT INTO filters.t VALUES "
                        + "(1, 5, 18446744073709551615, 10.5000, 2024, '2024-02-29 23:59:59.500000', '2024-02-29 23:59:59.500', "
                        + "'2024-02-29', 'Ab', 'Ab', 'hi', 'Ab'), "
                        + "(2, -1, 0, -0.0010, 1999, '2024-03-01 00:00:00', '1999-12-31 23:59:59', '2000-01-01', 'Ab  ', 'Ab  ', "
                        + "'hi ', 'Ab '), "
                        + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
                        + "(4, 1, 1, 0, 2000, '2024-02-29 00:00:00', '2024-01-01 00:00:00.001', '2024-02-28', 'ab', 'ab', "
                        + "x'6869', 'ab'), "
                        + "(5, 6, 18446744073709551614, 10.4900, 2155, '2024-02-29 23:59:59.499999', NULL, '2024-12-31', '', '', "
                        + "x'00', ''), "
                        + "(6, 2, 2, 10.5001, 1901, '1000-01-01 00:00:00', '2038-01-19 03:14:07', '1000-01-01', 'it''s', 'x', "
                        + "'x', 'x')");
    }

    @AfterAll
    void stop() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void ferryEvaluatesEveryConditionAsMySqlDoes() throws Exception {
        FerrySourceConfig config = new FerrySourceConfig(Map.of("database.hostname", mysql.host(),
                "database.port", Integer.toString(mysql.port()), "database.user", mysql.rootUser(),
                "database.password", mysql.rootPassword() == null ? "" : mysql.rootPassword(), "database.server.id", "77",
                "database.ssl.mode", "disabled", "topic.prefix", "f", "migration.types", "full"));
        try (Connection connection = new SourceConnections(config).open()) {
            TableDef table = TableCatalog.read(connection, T);
            MappedTable all = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())).map(table);
            List<Object[]> images = new ArrayList<>();
            new TableSnapshotReader(100, 1 << 20).read(connection, all, "s", ConflictPolicy.FAIL,
                    chunk -> chunk.rows().stream().map(RowChange::after).forEach(images::add));
            assertThat(images).hasSize(6);
            for (String condition : CONDITIONS) {
                BoundRowFilter filter = RowFilter.parse(condition).bind(table);
                TreeSet<Long> ferry = new TreeSet<>();
                for (Object[] image : images) {
                    if (filter.matches(image)) {
                        ferry.add((Long) image[0]);
                    }
                }
                assertThat(ferry).as("rows selected by %s (pushed down as %s)", condition, filter.sql())
                        .isEqualTo(mysqlSelects(connection, filter.sql()))
                        .isEqualTo(mysqlSelects(connection, condition));
            }
        }
    }

    private static TreeSet<Long> mysqlSelects(Connection connection, String condition) throws Exception {
        TreeSet<Long> ids = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM filters.t WHERE " + condition)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
