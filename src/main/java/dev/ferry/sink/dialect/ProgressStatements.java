package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.sql.SqlBuilder;

import java.util.List;

/**
 * The statements on the sink's progress table, {@code <state database>.sink_progress}: one row per
 * connector and destination table, written in the same transaction as the rows it covers. (The key
 * columns keep their first names, source_database and source_table: batches arrive under destination
 * names, and one source table maps to one destination table.)
 */
public final class ProgressStatements {
    public static final String TABLE_NAME = "sink_progress";

    /** The key columns, in parameter order. */
    public static final List<String> KEY = List.of("connector_name", "source_database", "source_table");

    /** The state columns, in parameter and result order. */
    public static final List<String> STATE = List.of(
            "snapshot_id", "snapshot_chunk", "snapshot_done", "wm_file", "wm_pos", "wm_row", "wm_sub", "snapshot_keeps_rows");

    /** The column added after the first release of the table; {@link #addKeepsRowsColumn()} adds it to older tables. */
    public static final String KEEPS_ROWS_COLUMN = "snapshot_keeps_rows";

    private final TableId table;

    public ProgressStatements(String stateDatabase) {
        this.table = new TableId(stateDatabase, TABLE_NAME);
    }

    public TableId table() {
        return table;
    }

    public String createTable() {
        return new SqlBuilder().sql("CREATE TABLE IF NOT EXISTS ").table(table).sql(" (")
                .identifier("connector_name").sql(" VARCHAR(255) NOT NULL, ")
                .identifier("source_database").sql(" VARCHAR(64) NOT NULL, ")
                .identifier("source_table").sql(" VARCHAR(64) NOT NULL, ")
                .identifier("snapshot_id").sql(" VARCHAR(255) NULL, ")
                .identifier("snapshot_chunk").sql(" BIGINT NOT NULL DEFAULT -1, ")
                .identifier("snapshot_done").sql(" BOOLEAN NOT NULL DEFAULT FALSE, ")
                .identifier("wm_file").sql(" BIGINT NULL, ")
                .identifier("wm_pos").sql(" BIGINT NULL, ")
                .identifier("wm_row").sql(" INT NULL, ")
                .identifier("wm_sub").sql(" INT NULL, ")
                .identifier(KEEPS_ROWS_COLUMN).sql(" BOOLEAN NOT NULL DEFAULT FALSE, ")
                .sql("PRIMARY KEY (").identifiers(KEY).sql(")")
                .sql(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
                .toString();
    }

    /** Adds {@value #KEEPS_ROWS_COLUMN} to a progress table created before it existed. */
    public String addKeepsRowsColumn() {
        return new SqlBuilder().sql("ALTER TABLE ").table(table).sql(" ADD COLUMN ").identifier(KEEPS_ROWS_COLUMN)
                .sql(" BOOLEAN NOT NULL DEFAULT FALSE").toString();
    }

    /** Parameters: the state database. One row when the progress table has {@value #KEEPS_ROWS_COLUMN}. */
    public static String keepsRowsColumnQuery() {
        return "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '" + TABLE_NAME
                + "' AND COLUMN_NAME = '" + KEEPS_ROWS_COLUMN + "'";
    }

    /** Parameters: the key. Result columns: {@link #STATE}. */
    public String select() {
        SqlBuilder sql = new SqlBuilder().sql("SELECT ").identifiers(STATE).sql(" FROM ").table(table).sql(" WHERE ");
        for (int i = 0; i < KEY.size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").identifier(KEY.get(i)).sql(" = ?");
        }
        return sql.toString();
    }

    /** Parameters: the key, then {@link #STATE}. */
    public String replace() {
        return new SqlBuilder().sql("REPLACE INTO ").table(table).sql(" (").identifiers(KEY).sql(", ")
                .identifiers(STATE).sql(") VALUES (").placeholders(KEY.size() + STATE.size()).sql(")")
                .toString();
    }
}
