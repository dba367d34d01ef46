package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourceConnections;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's table definitions against a real MySQL 8.0, where a DDL statement's binlog event can
 * reach Ferry before the data dictionary commits it: a definition is read only once no statement holds
 * the table's metadata lock.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamCatalogIT {
    private MySqlServer mysql;
    private SourceConnections connections;

    @BeforeAll
    void start() throws Exception {
        mysql = MySqlServer.start(MySqlVersion.V8_0, Files.createDirectories(Path.of("target", "it", "StreamCatalogIT")));
        mysql.execute("CREATE DATABASE cat", "CREATE TABLE cat.t (id INT PRIMARY KEY, v INT)");
        connections = new SourceConnections(new FerrySourceConfig(Map.of("database.hostname", mysql.host(),
                "database.port", Integer.toString(mysql.port()), "database.user", mysql.rootUser(),
                "database.password", mysql.rootPassword() == null ? "" : mysql.rootPassword(), "database.server.id", "78",
                "database.ssl.mode", "disabled", "topic.prefix", "c", "migration.types", "full")));
    }

    @AfterAll
    void stop() {
        if (mysql != null) {
            mysql.close();
        }
    }

    /**
     * A statement holding the table's metadata lock (here LOCK TABLES ... WRITE, which takes the lock a
     * DDL statement holds until it commits) changes the table; the definition read meanwhile waits and
     * then has the change. Reading information_schema alone returns the table as it was at once.
     */
    @Test
    void aDefinitionIsReadAfterTheStatementHoldingTheTablesLockCommits() throws Exception {
        TableId t = new TableId("cat", "t");
        try (Connection locker = mysql.openConnection(); Statement s = locker.createStatement();
             StreamCatalog catalog = new StreamCatalog(connections)) {
            s.execute("LOCK TABLES cat.t WRITE");
            CompletableFuture<TableDef> read = CompletableFuture.supplyAsync(() -> catalog.current(t));
            awaitWaitingForMetadataLock();
            assertThat(read).isNotDone();
            s.execute("ALTER TABLE cat.t ADD COLUMN w INT");
            s.execute("UNLOCK TABLES");
            TableDef definition = read.get(1, TimeUnit.MINUTES);
            assertThat(definition.columns().stream().map(ColumnDef::name)).containsExactly("id", "v", "w");
        }
    }

    @Test
    void aTableThatDoesNotExistReadsAsNone() {
        try (StreamCatalog catalog = new StreamCatalog(connections)) {
            assertThat(catalog.current(new TableId("cat", "missing"))).isNull();
        }
    }

    private void awaitWaitingForMetadataLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try (Connection c = mysql.openConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                         + "WHERE STATE = 'Waiting for table metadata lock' AND INFO LIKE 'SELECT 1 FROM `cat`.`t`%'")) {
                r.next();
                if (r.getInt(1) == 1) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the definition read never waited for the table's metadata lock");
    }
}
