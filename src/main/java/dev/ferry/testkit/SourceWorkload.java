package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Mixed changes on {@link SampleShop}'s tables, as an application would make them: inserts, updates,
 * deletes, primary-key updates (single and composite keys), changes to the keyless log (including
 * one of two identical rows), and multi-statement transactions. Deterministic for a seed.
 */
public final class SourceWorkload {
    private final Random random;
    private final int customers;
    private final int pageViews;
    private long nextPageView;
    private int statements;

    public SourceWorkload(long seed, int customers, int pageViews) {
        this.random = new Random(seed);
        this.customers = customers;
        this.pageViews = pageViews;
        this.nextPageView = pageViews * 3L + 1_000_000;
    }

    /** Runs {@code count} statements on the database, some grouped into transactions. */
    public int run(Connection connection, String database, int count) throws SQLException {
        statements = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("USE `" + database + "`");
            while (statements < count) {
                if (random.nextInt(10) == 0) {
                    transaction(connection, s, Math.min(2 + random.nextInt(6), count - statements));
                }
                else {
                    s.executeUpdate(next());
                    statements++;
                }
            }
        }
        return statements;
    }

    private void transaction(Connection connection, Statement s, int size) throws SQLException {
        connection.setAutoCommit(false);
        for (int i = 0; i < size; i++) {
            s.executeUpdate(next());
            statements++;
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private String next() {
        int customer = 1 + random.nextInt(customers);
        long view = 3L * (1 + random.nextInt(pageViews));
        int order = 1 + random.nextInt(customers * 2);
        return switch (random.nextInt(14)) {
            case 0 -> "INSERT INTO customers (email, name, balance, created_at) VALUES ('new" + random.nextLong()
                    + "@example.com', 'Nouveau ✓', 12.50, NOW(3))";
            case 1 -> "UPDATE customers SET balance = balance + 1.25, updated_at = NOW(6) WHERE id = " + customer;
            case 2 -> "UPDATE customers SET name = NULL WHERE id = " + customer;
            case 3 -> "INSERT INTO page_views (id, path, ms, viewed_at, tag) VALUES (" + (nextPageView++) + ", '/new', "
                    + random.nextInt(100) + ", NOW(), 1)";
            case 4 -> "UPDATE page_views SET ms = ms + 1, path = CONCAT(path, '!') WHERE id = " + view;
            case 5 -> "UPDATE page_views SET id = " + (nextPageView++) + " WHERE id = " + view;
            case 6 -> "DELETE FROM page_views WHERE id = " + view;
            case 7 -> "UPDATE order_items SET line_no = line_no + 10, qty = qty + 1 WHERE order_id = " + order + " AND line_no = 1";
            case 8 -> "DELETE FROM order_items WHERE order_id = " + order + " AND line_no = 2";
            case 9 -> "UPDATE orders SET status = 'shipped', weight = weight + 0.25, flags = b'11' WHERE id = " + order;
            case 10 -> "INSERT INTO audit_log (happened_at, actor, action, detail, took) VALUES ('2024-07-01 00:00:00.000001', "
                    + "'dup', 'same', 0x00, '00:00:01')";
            case 11 -> "DELETE FROM audit_log WHERE actor = 'dup' LIMIT 1";
            case 12 -> "UPDATE audit_log SET action = 'seen' WHERE actor = 'user" + random.nextInt(10) + "' LIMIT 1";
            default -> "INSERT INTO order_items (order_id, line_no, sku, qty, price, attrs) VALUES (" + order + ", "
                    + (100 + random.nextInt(30_000)) + ", 'SKU-NEW', 1, 9.99, JSON_OBJECT('k', " + random.nextInt(5) + "))";
        };
    }
}
