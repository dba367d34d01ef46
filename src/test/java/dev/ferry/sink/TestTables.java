package dev.ferry.sink;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.util.List;

/** Table definitions shared by the sink's unit tests. */
public final class TestTables {
    private TestTables() {
    }

    public static ColumnDef bigint(String name) {
        return new ColumnDef(name, "bigint", "bigint", null, null, false, null, false);
    }

    public static ColumnDef nullableInt(String name) {
        return new ColumnDef(name, "int", "int", null, null, true, null, false);
    }

    public static ColumnDef varchar(String name, int length) {
        return new ColumnDef(name, "varchar", "varchar(" + length + ")", "utf8mb4", "utf8mb4_0900_ai_ci", true, null, false);
    }

    public static ColumnDef column(String name, String dataType, String columnType) {
        return new ColumnDef(name, dataType, columnType, null, null, true, null, false);
    }

    public static ColumnDef generated(String name, String expression, boolean stored) {
        return new ColumnDef(name, "int", "int", null, null, true, expression, stored);
    }

    /** {@code shop.orders (id bigint PK, note varchar(20), total int GENERATED)}. */
    public static TableDef orders() {
        return new TableDef(new TableId("shop", "orders"),
                List.of(bigint("id"), varchar("note", 20), generated("total", "`id` * 2", true)), List.of("id"));
    }

    /** {@code shop.lines (order_id, line PK, qty)}. */
    public static TableDef lines() {
        return new TableDef(new TableId("shop", "lines"),
                List.of(bigint("order_id"), bigint("line"), nullableInt("qty")), List.of("order_id", "line"));
    }

    /** {@code shop.log (at int, msg varchar(50))} without any key. */
    public static TableDef log() {
        return new TableDef(new TableId("shop", "log"), List.of(nullableInt("at"), varchar("msg", 50)), List.of());
    }
}
