package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;

/** A source database the full-load arms copy: sysbench's narrow tables, or ~4 KB wide rows. */
record Dataset(String workload, String database, String description) {

    /** sysbench's own tables, filled by {@code sysbench oltp_common prepare}. */
    static Dataset narrow(MySqlServer source, String database, int tables, int rowsPerTable, Path logDir) throws Exception {
        new Sysbench(source, database, tables, rowsPerTable, logDir).prepare();
        return new Dataset("full-load-narrow", database, tables + " sysbench tables x " + rowsPerTable + " rows");
    }

    /** One table of ~4 KB rows: TEXT, JSON, BLOB, DECIMAL, DATETIME(6), generated on the server. */
    static Dataset wide(MySqlServer source, String database, int rows) throws SQLException {
        try (Connection c = source.openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
            s.execute("CREATE TABLE `" + database + "`.wide (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                    + "body TEXT NOT NULL, doc JSON NOT NULL, payload BLOB NOT NULL, amount DECIMAL(20,6) NOT NULL, "
                    + "happened_at DATETIME(6) NOT NULL, qty INT NULL, KEY (happened_at)) ENGINE=InnoDB");
            s.execute("SET SESSION cte_max_recursion_depth = 100000");
            int chunk = 5_000;
            for (int from = 1; from <= rows; from += chunk) {
                int to = Math.min(rows, from + chunk - 1);
                s.execute("INSERT INTO `" + database + "`.wide WITH RECURSIVE n (i) AS (SELECT " + from
                        + " UNION ALL SELECT i + 1 FROM n WHERE i < " + to + ") SELECT i, "
                        + "CONCAT('Title ', i, ' ', SHA2(i, 224)), "
                        + "CONCAT('Körper ', REPEAT(SHA2(i, 256), 37)), "
                        + "JSON_OBJECT('id', i, 'name', SHA2(i, 256), 'tags', JSON_ARRAY('a', 'b', i % 7), "
                        + "'price', i * 1.25, 'nested', JSON_OBJECT('x', SHA2(i + 1, 512), 'y', SHA2(i + 2, 512), 'ok', i % 2 = 0)), "
                        + "UNHEX(REPEAT(SHA2(i, 512), 12)), i * 1.234567, "
                        + "TIMESTAMP('2020-01-01 00:00:00') + INTERVAL i * 1234567 MICROSECOND, "
                        + "IF(i % 10 = 0, NULL, i % 1000) FROM n");
            }
            s.execute("ANALYZE TABLE `" + database + "`.wide");
        }
        return new Dataset("full-load-wide", database, rows + " rows of ~4 KB (TEXT, JSON, BLOB, DECIMAL, DATETIME(6))");
    }

    /** The InnoDB data length of the database's tables on the source, in MB (10^6 bytes). */
    double megabytes(MySqlServer source) throws SQLException {
        source.execute("ANALYZE TABLE " + String.join(", ", RowCounts.of(source, database).tables().stream()
                .map(t -> "`" + database + "`.`" + t + "`").toList()));
        return Double.parseDouble(source.queryString("SELECT SUM(DATA_LENGTH) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = '" + database + "'")) / 1e6;
    }
}
