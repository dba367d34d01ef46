package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

/**
 * The sample database of the demo and the end-to-end tests: a shop with a table keyed by an
 * auto-increment id and a unique email, a child table with a foreign key to it, a composite-key
 * table, a keyless log and a large page-view table. Written in SQL that MySQL 5.7 and 8.0 accept;
 * values are deterministic for a seed.
 */
public final class SampleShop {
    public static final List<String> TABLES = List.of("customers", "orders", "order_items", "audit_log", "page_views");

    private static final String[] DDL = {
        "CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(120) NOT NULL, "
            + "name VARCHAR(100) CHARACTER SET utf8mb4 NULL, balance DECIMAL(12,2) NOT NULL DEFAULT 0, "
            + "created_at DATETIME(3) NOT NULL, updated_at TIMESTAMP(6) NULL, UNIQUE KEY uk_email (email))",
        "CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, "
            + "status ENUM('new','paid','shipped','cancelled') NOT NULL, total DECIMAL(14,4) NOT NULL, weight FLOAT NULL, "
            + "ratio DOUBLE NULL, note TEXT NULL, placed_on DATE NULL, flags BIT(5) NULL, "
            + "CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
        "CREATE TABLE order_items (order_id BIGINT UNSIGNED NOT NULL, line_no SMALLINT NOT NULL, sku CHAR(12) NOT NULL, "
            + "qty INT NOT NULL, price DECIMAL(10,2) NOT NULL, attrs JSON NULL, PRIMARY KEY (order_id, line_no))",
        "CREATE TABLE audit_log (happened_at DATETIME(6) NOT NULL, actor VARCHAR(40) NULL, action VARCHAR(40) NOT NULL, "
            + "detail VARBINARY(64) NULL, took TIME(3) NULL)",
        "CREATE TABLE page_views (id BIGINT NOT NULL PRIMARY KEY, path VARCHAR(200) NOT NULL, ms INT NULL, "
            + "viewed_at TIMESTAMP NULL, tag TINYINT(1) NULL)",
    };

    private final Random random;

    public SampleShop(long seed) {
        this.random = new Random(seed);
    }

    /** Creates the database and its tables; {@code pageViews} sets the size of the large table. */
    public void create(Connection connection, String database, int customers, int pageViews) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
            s.execute("USE `" + database + "`");
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        connection.setAutoCommit(false);
        insertCustomers(connection, customers);
        insertOrders(connection, customers * 2, customers);
        insertAuditLog(connection, customers);
        insertPageViews(connection, pageViews);
        connection.commit();
        connection.setAutoCommit(true);
    }

    private void insertCustomers(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customers (email, name, balance, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                ps.setString(1, "customer" + i + "@example.com");
                ps.setString(2, i % 7 == 0 ? null : name(i));
                ps.setString(3, (random.nextInt(2_000_000) - 100_000) / 100 + "." + String.format("%02d", random.nextInt(100)));
                ps.setString(4, "2024-0" + (1 + i % 9) + "-1" + (i % 10) + " 0" + (i % 10) + ":1" + (i % 6) + ":2" + (i % 10) + "." + (100 + i % 900));
                ps.setString(5, i % 5 == 0 ? null : "2025-03-30 01:" + (10 + i % 50) + ":00.12345" + (i % 10));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertOrders(Connection c, int count, int customers) throws SQLException {
        try (PreparedStatement order = c.prepareStatement("INSERT INTO orders (customer_id, status, total, weight, ratio, note, "
                + "placed_on, flags) VALUES (?, ?, ?, ?, ?, ?, ?, b'10101')");
             PreparedStatement item = c.prepareStatement("INSERT INTO order_items (order_id, line_no, sku, qty, price, attrs) "
                     + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                order.setInt(1, 1 + random.nextInt(customers));
                order.setString(2, List.of("new", "paid", "shipped", "cancelled").get(i % 4));
                order.setString(3, random.nextInt(100_000) + "." + String.format("%04d", random.nextInt(10_000)));
                order.setFloat(4, random.nextInt(4000) / 4f);
                order.setDouble(5, i % 9 == 0 ? -0.5 : random.nextInt(1 << 20) / 1024.0);
                order.setString(6, i % 3 == 0 ? null : "Deliver to door " + i + " — ☕ 😀");
                order.setString(7, "2023-12-" + (10 + i % 20));
                order.addBatch();
                for (int line = 1; line <= 1 + i % 3; line++) {
                    item.setLong(1, i);
                    item.setInt(2, line);
                    item.setString(3, "SKU-" + (1000 + random.nextInt(9000)));
                    item.setInt(4, 1 + random.nextInt(5));
                    item.setString(5, random.nextInt(1000) + ".99");
                    item.setString(6, line == 2 ? null : "{\"gift\": " + (i % 2 == 0) + ", \"tags\": [\"a\", \"é\"], \"n\": " + i + "}");
                    item.addBatch();
                }
            }
            order.executeBatch();
            item.executeBatch();
        }
    }

    private void insertAuditLog(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (happened_at, actor, action, detail, took) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                // Every fifth row has an identical twin: a keyless table may hold duplicates.
                int v = i % 5 == 0 ? i - 1 : i;
                ps.setString(1, "2024-06-01 12:00:00." + String.format("%06d", v));
                ps.setString(2, v % 4 == 0 ? null : "user" + (v % 10));
                ps.setString(3, v % 2 == 0 ? "login" : "checkout");
                ps.setBytes(4, new byte[] {(byte) v, 0, (byte) (v >> 8), 0});
                ps.setString(5, (v % 3 == 0 ? "-" : "") + (v % 800) + ":" + (v % 60) + ":01.25");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertPageViews(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO page_views (id, path, ms, viewed_at, tag) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                ps.setLong(1, i * 3L);
                ps.setString(2, "/products/" + random.nextInt(5000) + "?ref=" + (i % 17));
                ps.setInt(3, random.nextInt(3000));
                ps.setString(4, "2024-11-0" + (1 + i % 9) + " 1" + (i % 10) + ":00:0" + (i % 10));
                ps.setInt(5, i % 3);
                ps.addBatch();
                if (i % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static String name(int i) {
        String[] names = {"Ada", "Grace", "Linus", "Zoë", "Søren", "李雷", "José", "Ærin"};
        return names[i % names.length] + " " + i;
    }
}
