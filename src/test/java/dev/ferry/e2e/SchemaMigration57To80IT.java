package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 5.7 → 8.0 schema migration: the same schema, created on a 5.7 source and migrated, equals what 8.0
 * makes of those statements itself (the schema is also created natively on the 8.0 destination, in
 * another database, and every {@code SHOW CREATE} is compared): character set aliases, partitioning,
 * generated columns, FULLTEXT and SPATIAL indexes, foreign keys, views, routines and triggers.
 */
@Tag("integration")
class SchemaMigration57To80IT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final List<String> SCHEMA = List.of(
            "CREATE DATABASE %1$s DEFAULT CHARACTER SET utf8 COLLATE utf8_unicode_ci",
            "CREATE TABLE %1$s.kitchen (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'the key',"
                    + " code CHAR(8) CHARACTER SET ascii NOT NULL DEFAULT 'x', name VARCHAR(100), note VARCHAR(20) CHARACTER SET latin1,"
                    + " price DECIMAL(12,3) UNSIGNED DEFAULT '1.500', created DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),"
                    + " updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, doc JSON,"
                    + " total DECIMAL(14,3) GENERATED ALWAYS AS (price * 2) STORED, label VARCHAR(120) AS (CONCAT(code, name)) VIRTUAL,"
                    + " body TEXT, pos POINT NOT NULL, flags SET('a','b') DEFAULT 'a', kind ENUM('x','y') NOT NULL,"
                    + " PRIMARY KEY (id), UNIQUE KEY uk_code (code), KEY idx_name (name(10), price), KEY idx_total (total),"
                    + " FULLTEXT KEY ft_body (body), SPATIAL KEY sp_pos (pos)) ENGINE=InnoDB AUTO_INCREMENT=100 COMMENT='kitchen'",
            "CREATE TABLE %1$s.parts (id INT NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (YEAR(at))"
                    + " (PARTITION p0 VALUES LESS THAN (2024), PARTITION p1 VALUES LESS THAN MAXVALUE)",
            "CREATE TABLE %1$s.parent (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY (code))",
            "CREATE TABLE %1$s.child (id INT PRIMARY KEY, p INT, CONSTRAINT child_parent FOREIGN KEY (p) REFERENCES %1$s.parent (id)"
                    + " ON DELETE CASCADE)",
            "CREATE VIEW %1$s.parents AS SELECT id, code FROM %1$s.parent WHERE id > 0",
            "CREATE FUNCTION %1$s.twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
            "CREATE TRIGGER %1$s.child_bi BEFORE INSERT ON %1$s.child FOR EACH ROW SET NEW.p = IFNULL(NEW.p, 1)",
            "CREATE EVENT %1$s.tidy ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' COMMENT 'daily' "
                    + "DO DELETE FROM %1$s.parts WHERE id < 0");
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(SchemaMigration57To80IT.class, MySqlVersion.V5_7);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theSameSchemaArrivesAs80CreatesIt() throws Exception {
        stack.source().execute(SCHEMA.stream().map(s -> String.format(s, "m57")).toArray(String[]::new));
        stack.source().execute("GRANT TRIGGER, EVENT ON m57.* TO '" + FerryPipeline.SOURCE_USER + "'@'%'");
        stack.destination().execute(SCHEMA.stream().map(s -> String.format(s, "native80")).toArray(String[]::new));
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "m57", "m57");
        // The view and the function run as their definer on the source, as invoker on the destination.
        p.deploy(Map.of("migration.types", "schema", "schema.events", "true", "precheck.acknowledged.warnings",
                "schema.objects.definer"), Map.of());
        awaitObjects("m57");
        for (String table : List.of("kitchen", "parts", "parent", "child")) {
            assertThat(SchemaMigrationIT.showCreate(stack.destination(), "TABLE", "m57." + table)).as(table)
                    .isEqualTo(SchemaMigrationIT.showCreate(stack.destination(), "TABLE", "native80." + table));
        }
        assertThat(SchemaMigrationIT.showCreate(stack.destination(), "DATABASE", "m57"))
                .isEqualTo(SchemaMigrationIT.showCreate(stack.destination(), "DATABASE", "native80").replace("native80", "m57"));
        assertThat(definition(stack.destination(), "VIEW", "m57.parents"))
                .isEqualTo(definition(stack.destination(), "VIEW", "native80.parents").replace("native80", "m57")
                        .replace("SQL SECURITY DEFINER", "SQL SECURITY INVOKER"));
        assertThat(stack.destination().queryString("SELECT m57.twice(21)")).isEqualTo("42");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'm57'"))
                .isEqualTo("1");
        // Events arrive disabled (enabled at cutover), otherwise as 8.0 writes them.
        assertThat(definition(stack.destination(), "EVENT", "m57.tidy", 4)).isEqualTo(definition(stack.destination(), "EVENT",
                "native80.tidy", 4).replace("native80", "m57").replace(" ENABLE ", " DISABLE "));
    }

    /** 5.7 writes no COLLATE for a database with its charset's default collation, which 8.0 would read as its own default. */
    @Test
    void aDatabasesImplicitCollationKeepsTheSourcesDefault() throws Exception {
        stack.source().execute("CREATE DATABASE m57c CHARACTER SET utf8mb4", "CREATE TABLE m57c.t (id INT PRIMARY KEY)");
        assertThat(SchemaMigrationIT.showCreate(stack.source(), "DATABASE", "m57c")).doesNotContain("COLLATE");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "m57c", "m57c");
        p.deploy(Map.of("migration.types", "schema"), Map.of());
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (!"1".equals(stack.destination().queryString("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'm57c'"))) {
            assertThat(System.nanoTime()).as("m57c.t created on the destination").isLessThan(deadline);
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
        }
        assertThat(stack.destination().queryString("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = 'm57c'")).isEqualTo("utf8mb4_general_ci");
    }

    private static String definition(MySqlServer server, String kind, String name) throws SQLException {
        return definition(server, kind, name, 2);
    }

    private static String definition(MySqlServer server, String kind, String name, int column) throws SQLException {
        try (Connection c = server.openConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW CREATE " + kind + " " + name)) {
            r.next();
            return r.getString(column).replaceAll("DEFINER=`[^`]*`@`[^`]*` ", "");
        }
    }

    private static void awaitObjects(String database) throws Exception {
        String query = "SELECT COUNT(*) FROM ferry.sink_progress WHERE source_database = '" + database
                + "' AND source_table = '__ferry_objects'";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"1".equals(count(query))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the schema of " + database + " never arrived");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static String count(String query) {
        try {
            return stack.destination().queryString(query);
        }
        catch (SQLException notYet) {
            return notYet.getMessage();
        }
    }
}
