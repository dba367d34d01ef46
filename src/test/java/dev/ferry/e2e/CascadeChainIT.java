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
 * Cascades that continue from a cascaded row into further tables (parent -> child -> grandchild -> ...),
 * which InnoDB carries out without writing any of their rows to the binlog: a 4-level ON DELETE CASCADE
 * chain, a chain of ON UPDATE CASCADE through composite keys, a chain with SET NULL in the middle, and a
 * tree whose cascaded rows are referenced by two more tables. Deletes and key updates at every level while
 * rows are inserted at every level, in one transaction with the inserts below the deleted row and in
 * separate ones, with the sink's two tasks sharing the topics, and the worker killed in the middle; every
 * table is compared row by row with the source.
 */
@Tag("integration")
class CascadeChainIT {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final List<String> TABLES = List.of("region", "store", "shelf", "item", "acct", "proj", "task", "team", "member",
            "badge", "note", "node", "doc", "doc_ref");
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start(CascadeChainIT.class, MySqlVersion.V8_0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyLevelOfEveryChainEndsEqualOnTheDestination() throws Exception {
        stack.source().execute("CREATE DATABASE chain",
                // Four levels of ON DELETE CASCADE.
                "CREATE TABLE chain.region (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE chain.store (id INT PRIMARY KEY, region_id INT NOT NULL, name VARCHAR(20), CONSTRAINT store_region"
                        + " FOREIGN KEY (region_id) REFERENCES chain.region (id) ON DELETE CASCADE)",
                "CREATE TABLE chain.shelf (id INT PRIMARY KEY, store_id INT NOT NULL, label VARCHAR(20), CONSTRAINT shelf_store"
                        + " FOREIGN KEY (store_id) REFERENCES chain.store (id) ON DELETE CASCADE)",
                "CREATE TABLE chain.item (id INT PRIMARY KEY, shelf_id INT NOT NULL, qty INT, CONSTRAINT item_shelf"
                        + " FOREIGN KEY (shelf_id) REFERENCES chain.shelf (id) ON DELETE CASCADE)",
                // ON UPDATE CASCADE of a key that is part of the child's composite key, referenced by the grandchild.
                "CREATE TABLE chain.acct (code VARCHAR(10) PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE chain.proj (acct_code VARCHAR(10) NOT NULL, num INT NOT NULL, title VARCHAR(20),"
                        + " PRIMARY KEY (acct_code, num), CONSTRAINT proj_acct FOREIGN KEY (acct_code) REFERENCES chain.acct (code)"
                        + " ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE chain.task (id INT PRIMARY KEY, acct_code VARCHAR(10), proj_num INT, done TINYINT, CONSTRAINT task_proj"
                        + " FOREIGN KEY (acct_code, proj_num) REFERENCES chain.proj (acct_code, num) ON DELETE CASCADE ON UPDATE CASCADE)",
                // SET NULL in the middle: continues into badge (which references the nulled column), not into note.
                "CREATE TABLE chain.team (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE chain.member (id INT PRIMARY KEY, team_id INT NULL, UNIQUE KEY uk_team_member (team_id, id),"
                        + " CONSTRAINT member_team FOREIGN KEY (team_id) REFERENCES chain.team (id) ON DELETE SET NULL ON UPDATE CASCADE)",
                "CREATE TABLE chain.badge (id INT PRIMARY KEY, team_id INT NULL, member_id INT NULL, CONSTRAINT badge_member"
                        + " FOREIGN KEY (team_id, member_id) REFERENCES chain.member (team_id, id) ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE chain.note (id INT PRIMARY KEY, member_id INT NOT NULL, CONSTRAINT note_member FOREIGN KEY (member_id)"
                        + " REFERENCES chain.member (id) ON DELETE CASCADE)",
                // A tree whose cascaded rows are referenced by another table, itself referenced with SET NULL.
                "CREATE TABLE chain.node (id INT PRIMARY KEY, parent_id INT NULL, CONSTRAINT node_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES chain.node (id) ON DELETE CASCADE)",
                "CREATE TABLE chain.doc (id INT PRIMARY KEY, node_id INT NOT NULL, CONSTRAINT doc_node FOREIGN KEY (node_id)"
                        + " REFERENCES chain.node (id) ON DELETE CASCADE)",
                "CREATE TABLE chain.doc_ref (id INT PRIMARY KEY, doc_id INT NULL, CONSTRAINT ref_doc FOREIGN KEY (doc_id)"
                        + " REFERENCES chain.doc (id) ON DELETE SET NULL)");
        for (int region = 1; region <= 4; region++) {
            insertRegion(region);
        }
        for (int a = 1; a <= 4; a++) {
            insertAccount("a" + a, a * 100);
        }
        for (int team = 1; team <= 4; team++) {
            insertTeam(team);
        }
        for (int root = 1; root <= 3; root++) {
            insertTree(root * 1000, null);
        }
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "chain", "chain");
        p.deploy(Map.of(), Map.of("tasks.max", "2"));
        PipelineAssertions.awaitSnapshots(stack, "chain", TABLES.size(), WAIT);

        // Separate transactions: a delete at every level of the chain, while new rows arrive at every level.
        insertRegion(5);
        stack.source().execute("DELETE FROM chain.region WHERE id = 1", "DELETE FROM chain.store WHERE id = 21",
                "DELETE FROM chain.shelf WHERE id = 321", "INSERT INTO chain.item VALUES (3229, 322, 9)",
                "DELETE FROM chain.item WHERE id = 3222");
        // One transaction: rows inserted below a region, store and shelf, then the region deleted, then its id again.
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO chain.store VALUES (44, 4, 'late')");
            s.execute("INSERT INTO chain.shelf VALUES (441, 44, 'late'), (419, 41, 'late')");
            s.execute("INSERT INTO chain.item VALUES (4411, 441, 1), (4191, 419, 1), (4119, 411, 7)");
            s.execute("DELETE FROM chain.region WHERE id = 4");
            s.execute("INSERT INTO chain.region VALUES (4, 'again')");
            s.execute("INSERT INTO chain.store VALUES (41, 4, 'again')");
            c.commit();
        }
        // Key updates at the first and second level of an ON UPDATE CASCADE chain, and deletes.
        stack.source().execute("UPDATE chain.acct SET code = 'a1x' WHERE code = 'a1'",
                "UPDATE chain.proj SET num = 299 WHERE acct_code = 'a2' AND num = 201",
                "INSERT INTO chain.task VALUES (9001, 'a1x', 101, 0)",
                "UPDATE chain.acct SET code = 'a1y' WHERE code = 'a1x'",
                "DELETE FROM chain.acct WHERE code = 'a3'",
                "DELETE FROM chain.proj WHERE acct_code = 'a4' AND num = 401");
        // SET NULL in the middle, and a key update through it.
        stack.source().execute("DELETE FROM chain.team WHERE id = 1", "UPDATE chain.team SET id = 20 WHERE id = 2",
                "INSERT INTO chain.member VALUES (2099, 20)", "INSERT INTO chain.badge VALUES (20991, 20, 2099)",
                "DELETE FROM chain.member WHERE id = 301");
        // Subtrees cut at every depth, with the documents on them and references to those.
        stack.source().execute("DELETE FROM chain.node WHERE id = 1000", "DELETE FROM chain.node WHERE id = 2001",
                "DELETE FROM chain.node WHERE id = 3011", "DELETE FROM chain.doc WHERE id = 30210");
        try (Connection c = stack.source().openConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO chain.node VALUES (20211, 2021), (202111, 20211)");
            s.execute("INSERT INTO chain.doc VALUES (2021110, 202111), (202110, 20211)");
            s.execute("INSERT INTO chain.doc_ref VALUES (99001, 2021110), (99002, 202110)");
            s.execute("DELETE FROM chain.node WHERE id = 2002");
            c.commit();
        }
        awaitEqual();
        assertThat(count("item WHERE id BETWEEN 1000 AND 1999")).isZero();
        assertThat(count("task WHERE acct_code = 'a1y'")).isEqualTo(4);
        assertThat(count("badge WHERE team_id IS NULL")).isPositive();

        // The worker is killed while cascades at every level are on their way; after the restart they land once.
        stack.source().execute("DELETE FROM chain.region WHERE id = 2", "UPDATE chain.acct SET code = 'a2x' WHERE code = 'a2'",
                "DELETE FROM chain.team WHERE id = 3", "DELETE FROM chain.node WHERE id = 3000");
        stack.connect().kill();
        insertRegion(6);
        stack.source().execute("DELETE FROM chain.store WHERE id = 51", "DELETE FROM chain.region WHERE id = 3",
                "UPDATE chain.acct SET code = 'a4x' WHERE code = 'a4'", "DELETE FROM chain.team WHERE id = 4");
        insertTree(4000, null);
        stack.connect().restart();
        stack.source().execute("DELETE FROM chain.node WHERE id = 4001", "DELETE FROM chain.region WHERE id = 6");
        awaitEqual();
        assertThat(stack.destination().queryString("SELECT COUNT(*) FROM ferry.cascade_ledger")).isEqualTo("0");
    }

    /**
     * A cascading foreign key added during sync is followed from its DDL on, and one dropped is no longer
     * followed: the parent's deletes after the DDL remove exactly the rows the source removed.
     */
    @Test
    void foreignKeysAddedOrDroppedDuringSyncAreFollowedFromThen() throws Exception {
        stack.source().execute("CREATE DATABASE fkddl",
                "CREATE TABLE fkddl.parent (id INT PRIMARY KEY)",
                "CREATE TABLE fkddl.added (id INT PRIMARY KEY, parent_id INT, KEY by_parent (parent_id))",
                "CREATE TABLE fkddl.dropped (id INT PRIMARY KEY, parent_id INT, CONSTRAINT dropped_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES fkddl.parent (id) ON DELETE CASCADE)",
                "INSERT INTO fkddl.parent VALUES (1), (2), (3), (4)",
                "INSERT INTO fkddl.added VALUES (11, 1), (21, 2), (31, 3), (41, 4)",
                "INSERT INTO fkddl.dropped VALUES (12, 1), (22, 2), (32, 3), (42, 4)");
        FerryPipeline p = new FerryPipeline(stack, Path.of("connector-config"), "fkddl", "fkddl");
        p.deploy(Map.of(), Map.of());
        PipelineAssertions.awaitSnapshots(stack, "fkddl", 3, WAIT);
        // Before the DDL: the old keys cascade.
        stack.source().execute("DELETE FROM fkddl.parent WHERE id = 1", "UPDATE fkddl.added SET parent_id = NULL WHERE id = 11");
        awaitEqual("fkddl", List.of("parent", "added", "dropped"));
        stack.source().execute("ALTER TABLE fkddl.added ADD CONSTRAINT added_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES fkddl.parent (id) ON DELETE CASCADE",
                "ALTER TABLE fkddl.dropped DROP FOREIGN KEY dropped_parent");
        // Ferry has read both statements once the destination has replayed them (it reads keys as the source has them then).
        PipelineAssertions.awaitEqual(stack, "SELECT GROUP_CONCAT(CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = 'fkddl'", WAIT);
        stack.source().execute("DELETE FROM fkddl.parent WHERE id IN (2, 3)");
        awaitEqual("fkddl", List.of("parent", "added", "dropped"));
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM fkddl.added")).isEqualTo("11,41");
        assertThat(stack.destination().queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM fkddl.dropped")).isEqualTo("22,32,42");
    }

    /** A region with 3 stores, each with 2 shelves of 2 items: ids 10*parent + n. */
    private static void insertRegion(int region) throws SQLException {
        List<String> stores = new ArrayList<>();
        List<String> shelves = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            int store = region * 10 + s;
            stores.add("(" + store + ", " + region + ", 's')");
            for (int h = 1; h <= 2; h++) {
                int shelf = store * 10 + h;
                shelves.add("(" + shelf + ", " + store + ", 'h')");
                for (int i = 1; i <= 2; i++) {
                    items.add("(" + (shelf * 10 + i) + ", " + shelf + ", " + i + ")");
                }
            }
        }
        stack.source().execute("INSERT INTO chain.region VALUES (" + region + ", 'r')",
                "INSERT INTO chain.store VALUES " + String.join(", ", stores),
                "INSERT INTO chain.shelf VALUES " + String.join(", ", shelves),
                "INSERT INTO chain.item VALUES " + String.join(", ", items));
    }

    /** An account with projects {@code base+1}, {@code base+2}, each with tasks. */
    private static void insertAccount(String code, int base) throws SQLException {
        stack.source().execute("INSERT INTO chain.acct VALUES ('" + code + "', 'n')",
                "INSERT INTO chain.proj VALUES ('" + code + "', " + (base + 1) + ", 't'), ('" + code + "', " + (base + 2) + ", 't')",
                "INSERT INTO chain.task VALUES (" + (base * 10 + 1) + ", '" + code + "', " + (base + 1) + ", 0), ("
                        + (base * 10 + 2) + ", '" + code + "', " + (base + 1) + ", 1), (" + (base * 10 + 3) + ", '" + code + "', "
                        + (base + 2) + ", 0)");
    }

    /** A team with two members, each with a badge and a note. */
    private static void insertTeam(int team) throws SQLException {
        int m1 = team * 100 + 1;
        int m2 = team * 100 + 2;
        stack.source().execute("INSERT INTO chain.team VALUES (" + team + ", 't')",
                "INSERT INTO chain.member VALUES (" + m1 + ", " + team + "), (" + m2 + ", " + team + ")",
                "INSERT INTO chain.badge VALUES (" + m1 * 10 + ", " + team + ", " + m1 + "), (" + m2 * 10 + ", " + team + ", " + m2 + ")",
                "INSERT INTO chain.note VALUES (" + m1 * 10 + ", " + m1 + "), (" + m2 * 10 + ", " + m2 + ")");
    }

    /** A root {@code base}, 2 children, 4 grandchildren; a document on each node and a reference to each document. */
    private static void insertTree(int base, Integer parent) throws SQLException {
        List<String> nodes = new ArrayList<>();
        nodes.add("(" + base + ", " + parent + ")");
        for (int a = 1; a <= 2; a++) {
            nodes.add("(" + (base + a) + ", " + base + ")");
            for (int b = 1; b <= 2; b++) {
                nodes.add("(" + (base + a * 10 + b) + ", " + (base + a) + ")");
            }
        }
        List<String> docs = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String node : nodes) {
            int id = Integer.parseInt(node.substring(1, node.indexOf(',')));
            docs.add("(" + id * 10 + ", " + id + ")");
            refs.add("(" + id * 10 + ", " + id * 10 + ")");
        }
        stack.source().execute("INSERT INTO chain.node VALUES " + String.join(", ", nodes),
                "INSERT INTO chain.doc VALUES " + String.join(", ", docs),
                "INSERT INTO chain.doc_ref VALUES " + String.join(", ", refs));
    }

    private static long count(String tableAndCondition) throws SQLException {
        return Long.parseLong(stack.destination().queryString("SELECT COUNT(*) FROM chain." + tableAndCondition));
    }

    private static void awaitEqual() throws Exception {
        awaitEqual("chain", TABLES);
    }

    private static void awaitEqual(String database, List<String> tables) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<TableComparison.Result> different = List.of();
        while (System.nanoTime() < deadline) {
            different = new ArrayList<>();
            try (Connection source = stack.source().openConnection(); Connection destination = stack.destination().openConnection()) {
                for (String table : tables) {
                    TableComparison.Result result = TableComparison.compare(source, destination, database, table);
                    if (!result.equal()) {
                        different.add(result);
                    }
                }
            }
            if (different.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError(different.size() + " tables not equal: " + different);
    }
}
