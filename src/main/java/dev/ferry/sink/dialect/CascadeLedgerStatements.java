package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;

/**
 * The statements on the sink's cascade ledger, {@code <state database>.cascade_ledger}: per connector,
 * destination table and step position, a header row (entry 0) holding how many deeper steps still read
 * it, and one row per row the step changed with the referenced values before and after.
 */
public final class CascadeLedgerStatements {
    public static final String TABLE_NAME = "cascade_ledger";

    /** The key of one ledger entry, in parameter order. */
    public static final List<String> KEY = List.of("connector_name", "table_database", "table_name", "pos_file", "pos_pos",
            "pos_row", "pos_sub");

    private final TableId table;

    public CascadeLedgerStatements(String stateDatabase) {
        this.table = new TableId(stateDatabase, TABLE_NAME);
    }

    public TableId table() {
        return table;
    }

    public String createTable() {
        return new SqlBuilder().sql("CREATE TABLE IF NOT EXISTS ").table(table).sql(" (")
                .identifier("connector_name").sql(" VARCHAR(255) NOT NULL, ")
                .identifier("table_database").sql(" VARCHAR(64) NOT NULL, ")
                .identifier("table_name").sql(" VARCHAR(64) NOT NULL, ")
                .identifier("pos_file").sql(" BIGINT NOT NULL, ")
                .identifier("pos_pos").sql(" BIGINT NOT NULL, ")
                .identifier("pos_row").sql(" INT NOT NULL, ")
                .identifier("pos_sub").sql(" INT NOT NULL, ")
                .identifier("entry").sql(" INT NOT NULL, ")
                .identifier("remaining").sql(" INT NULL, ")
                .identifier("before_values").sql(" LONGBLOB NULL, ")
                .identifier("after_values").sql(" LONGBLOB NULL, ")
                .sql("PRIMARY KEY (").identifiers(KEY).sql(", ").identifier("entry").sql(")")
                .sql(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
                .toString();
    }

    /** Parameters: the key, entry, remaining, before, after. */
    public String insert() {
        return new SqlBuilder().sql("INSERT INTO ").table(table).sql(" (").identifiers(KEY).sql(", ")
                .identifiers(List.of("entry", "remaining", "before_values", "after_values")).sql(") VALUES (")
                .placeholders(KEY.size() + 4).sql(")").toString();
    }

    /** Parameters: the key. Result: entry, remaining, before, after, header first; locks the entry's rows. */
    public String selectForUpdate() {
        return whereKey(new SqlBuilder().sql("SELECT ").identifiers(List.of("entry", "remaining", "before_values", "after_values"))
                .sql(" FROM ").table(table)).sql(" ORDER BY ").identifier("entry").sql(" FOR UPDATE").toString();
    }

    /** Parameters: the key. */
    public String decrement() {
        return whereKey(new SqlBuilder().sql("UPDATE ").table(table).sql(" SET ").identifier("remaining").sql(" = ")
                .identifier("remaining").sql(" - 1")).sql(" AND ").identifier("entry").sql(" = 0").toString();
    }

    /** Parameters: the key. */
    public String delete() {
        return whereKey(new SqlBuilder().sql("DELETE FROM ").table(table)).toString();
    }

    private static SqlBuilder whereKey(SqlBuilder sql) {
        sql.sql(" WHERE ");
        for (int i = 0; i < KEY.size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").identifier(KEY.get(i)).sql(" = ?");
        }
        return sql;
    }
}
