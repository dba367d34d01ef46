package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.TableComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-referencing tables (trees) whose {@code ON DELETE CASCADE} deletes every level below a deleted
 * row inside InnoDB, while rows keep streaming: the destination ends equal to the source, row by row.
 */
@Tag("integration")
class CascadeTreeIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(CascadeTreeIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void deletingInATreeDeletesEveryLevelBelowOnTheDestinationToo() throws Exception {
        stack.source().execute("CREATE DATABASE tree",
                // A tree with a composite-free integer key, 4 levels deep, and a second key on itself that sets NULL.
                "CREATE TABLE tree.node (id INT PRIMARY KEY, parent_id INT NULL, buddy_id INT NULL, label VARCHAR(20),"
                        + " CONSTRAINT node_parent FOREIGN KEY (parent_id) REFERENCES tree.node (id) ON DELETE CASCADE,"
                        + " CONSTRAINT node_buddy FOREIGN KEY (buddy_id) REFERENCES tree.node (id) ON DELETE SET NULL)",
                // A tree keyed by a string, referencing a unique key rather than the primary key.
                "CREATE TABLE tree.folder (id INT AUTO_INCREMENT PRIMARY KEY, path VARCHAR(40) NOT NULL, parent_path VARCHAR(40) NULL,"
                        + " UNIQUE KEY uk_path (path), CONSTRAINT folder_parent FOREIGN KEY (parent_path)"
                        + " REFERENCES tree.folder (path) ON DELETE CASCADE ON UPDATE NO ACTION)");
        for (int root = 0; root < 3; root++) {
            insertSubtree(root * 1000, null);
        }
        stack.source().execute("INSERT INTO tree.folder (path, parent_path) VALUES ('/', NULL), ('/a', '/'), ('/a/b', '/a'),"
                + " ('/a/b/c', '/a/b'), ('/a/b/c/d', '/a/b/c'), ('/x', '/'), ('/x/y', '/x')");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "tree", "tree");
        p.deploy(Map.of(), Map.of());
        awaitSnapshots("tree", 2);

        // Rows keep arriving while subtrees are cut at every depth; buddies across subtrees get NULL.
        stack.source().execute("UPDATE tree.node SET buddy_id = 1011 WHERE id IN (2000, 2111)",
                "DELETE FROM tree.node WHERE id = 1000");
        for (int round = 0; round < 6; round++) {
            int base = 10_000 + round * 1000;
            insertSubtree(base, round % 2 == 0 ? null : 2000);
            stack.source().execute("UPDATE tree.node SET label = 'moved' WHERE id = " + (base + 11),
                    "DELETE FROM tree.node WHERE id = " + (base + (round % 3 == 0 ? 1 : round % 3 == 1 ? 11 : 111)));
        }
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            // In one transaction: rows added below a node, then the node deleted, then a node of that id again.
            c.setAutoCommit(false);
            s.execute("INSERT INTO tree.node VALUES (21121, 2112, NULL, 'late'), (211211, 21121, NULL, 'later')");
            s.execute("DELETE FROM tree.node WHERE id = 21");
            s.execute("DELETE FROM tree.node WHERE id = 2011");
            s.execute("INSERT INTO tree.node VALUES (2011, 2001, NULL, 'again')");
            c.commit();
        }
        stack.source().execute("UPDATE tree.node SET id = 2999 WHERE id = 2222", "DELETE FROM tree.folder WHERE path = '/a'", "INSERT INTO tree.folder (path, parent_path) VALUES ('/x/z', '/x')");
        awaitEqual("tree", List.of("node", "folder"));
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(path ORDER BY path) FROM tree.folder")).isEqualTo("/,/x,/x/y,/x/z");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM tree.node WHERE id BETWEEN 1000 AND 1999")).isEqualTo("0");
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM tree.node n LEFT JOIN tree.node p ON p.id = n.parent_id"
                + " WHERE n.parent_id IS NOT NULL AND p.id IS NULL")).isEqualTo("0");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM tree.node WHERE buddy_id IS NULL AND"
                + " id IN (2000, 2111)")).isEqualTo("2000");
    }

    /** A root {@code base} (under {@code parent}), 2 children, 4 grandchildren and 8 great-grandchildren. */
    private static void insertSubtree(int base, Integer parent) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.add("(" + base + ", " + parent + ", NULL, 'root')");
        for (int a = 1; a <= 2; a++) {
            rows.add("(" + (base + a) + ", " + base + ", NULL, 'l1')");
            for (int b = 1; b <= 2; b++) {
                int child = base + a * 10 + b;
                rows.add("(" + (base + a * 10 + b) + ", " + (base + a) + ", NULL, 'l2')");
                for (int c = 1; c <= 2; c++) {
                    rows.add("(" + (base + a * 100 + b * 10 + c) + ", " + child + ", NULL, 'l3')");
                }
            }
        }
        stack.source().execute("INSERT INTO tree.node VALUES " + String.join(", ", rows));
    }

    private static void awaitSnapshots(String database, int count) throws Exception {
        PipelineAssertions.awaitSnapshots(stack, database, count, WAIT);
    }

    private static void awaitEqual(String database, List<String> tables) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        TableComparison.Result different = null;
        while (System.nanoTime() < deadline) {
            different = null;
            try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
                for (String table : tables) {
                    TableComparison.Result result = TableComparison.compare(source, destination, database, table);
                    if (!result.equal()) {
                        different = result;
                        break;
                    }
                }
            }
            if (different == null) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("not equal: " + different);
    }
}
