package dev.ferry.fidelity;

import java.util.List;

/**
 * One table of the fidelity suite: its definition, the rows the snapshot copies, and the statements
 * run on the source afterwards, which the binlog carries.
 *
 * @param name the table name in the suite's database
 * @param ddl the CREATE TABLE statement
 * @param sqlMode the source session's {@code sql_mode} for this table's rows and changes (zero dates
 *        and the invalid ENUM value need a permissive one)
 * @param rows statements that fill the table before the snapshot
 * @param changes statements run after the snapshot; when empty, generic changes are made
 *        (every row copied under a new key, values moved between rows, a key update, a delete)
 * @param streamed false for a table the binlog path cannot carry faithfully (a known limit the README
 *        names): it is checked after the snapshot only and left unchanged
 */
record FidelityTable(String name, String ddl, String sqlMode, List<String> rows, List<String> changes, boolean streamed) {
    static final String STRICT = "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION";

    FidelityTable(String name, String ddl, String sqlMode, List<String> rows, List<String> changes) {
        this(name, ddl, sqlMode, rows, changes, true);
    }

    FidelityTable {
        rows = List.copyOf(rows);
        changes = List.copyOf(changes);
    }

    boolean keyless() {
        return !ddl.contains("PRIMARY KEY");
    }
}
