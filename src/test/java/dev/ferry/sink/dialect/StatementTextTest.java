package dev.ferry.sink.dialect;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTextTest {

    /** Identifiers with a backtick, a space, a dot and a quote, which only quoting keeps apart. */
    private static final TableDef ODD = new TableDef(new TableId("my`db", "we ird.t"), List.of(
            TestTables.bigint("i`d"), TestTables.bigint("it's"), TestTables.nullableInt("a b")),
            List.of("i`d", "it's"));

    @Test
    void replaceWritesEveryNonGeneratedColumnForEachRow() {
        RowsStatement replace = RowsStatement.replace(TestTables.orders());
        assertThat(replace.parametersPerRow()).isEqualTo(2);
        assertThat(replace.sql(1)).isEqualTo("REPLACE INTO `shop`.`orders` (`id`, `note`) VALUES (?, ?)");
        assertThat(replace.sql(3)).isEqualTo("REPLACE INTO `shop`.`orders` (`id`, `note`) VALUES (?, ?), (?, ?), (?, ?)");
    }

    @Test
    void replaceQuotesOddIdentifiers() {
        assertThat(RowsStatement.replace(ODD).sql(2)).isEqualTo(
                "REPLACE INTO `my``db`.`we ird.t` (`i``d`, `it's`, `a b`) VALUES (?, ?, ?), (?, ?, ?)");
    }

    @Test
    void aTypedJsonValueGetsItsExpressionOnlyInItsOwnRow() {
        TableDef docs = new TableDef(new TableId("shop", "docs"), List.of(TestTables.bigint("id"),
                TestTables.column("j", "json", "json")), List.of("id"));
        String typed = TypedJson.valueOf("{\"d\":1.50}", List.of(new TypedJson.Scalar("$.\"d\"", "DECIMAL(3,2)", "1.50")));
        WritableColumns columns = WritableColumns.of(docs);
        RowsStatement replace = RowsStatement.replace(docs);
        assertThat(replace.sql(List.of(new Object[] {1L, "[1.5]"}, new Object[] {2L, null}), columns, false))
                .isEqualTo(replace.sql(2));
        assertThat(replace.sql(List.of(new Object[] {1L, "[1.5]"}, new Object[] {2L, typed}), columns, false)).isEqualTo(
                "REPLACE INTO `shop`.`docs` (`id`, `j`) VALUES (?, ?), (?, JSON_SET(CAST(? AS JSON), '$.\"d\"', CAST('1.50' AS DECIMAL(3,2))))");
        TableDef keyless = new TableDef(new TableId("shop", "docs"), List.of(TestTables.bigint("id"),
                TestTables.column("j", "json", "json")), List.of());
        assertThat(new KeylessDeleteStatement(keyless).sql(new Object[] {2L, typed})).isEqualTo("DELETE FROM `shop`.`docs` WHERE "
                + "`id` <=> ? AND `j` <=> JSON_SET(CAST(? AS JSON), '$.\"d\"', CAST('1.50' AS DECIMAL(3,2))) LIMIT 1");
        assertThat(new KeylessDeleteStatement(keyless).sql(new Object[] {2L, "[1.5]"}))
                .isEqualTo("DELETE FROM `shop`.`docs` WHERE `id` <=> ? AND `j` <=> CAST(? AS JSON) LIMIT 1");
    }

    @Test
    void insertIsAMultiRowInsert() {
        assertThat(RowsStatement.insert(TestTables.log()).sql(2))
                .isEqualTo("INSERT INTO `shop`.`log` (`at`, `msg`) VALUES (?, ?), (?, ?)");
    }

    @Test
    void deleteByASingleColumnKeyUsesAnInList() {
        DeleteByKeyStatement delete = new DeleteByKeyStatement(TestTables.orders());
        assertThat(delete.parametersPerRow()).isEqualTo(1);
        assertThat(delete.sql(3)).isEqualTo("DELETE FROM `shop`.`orders` WHERE `id` IN (?, ?, ?)");
    }

    @Test
    void deleteByACompositeKeyUsesRowConstructors() {
        assertThat(new DeleteByKeyStatement(TestTables.lines()).sql(2))
                .isEqualTo("DELETE FROM `shop`.`lines` WHERE (`order_id`, `line`) IN ((?, ?), (?, ?))");
        assertThat(new DeleteByKeyStatement(ODD).sql(1))
                .isEqualTo("DELETE FROM `my``db`.`we ird.t` WHERE (`i``d`, `it's`) IN ((?, ?))");
    }

    @Test
    void deleteByKeyRefusesKeylessTablesAndEmptyLists() {
        assertThatThrownBy(() -> new DeleteByKeyStatement(TestTables.log())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteByKeyStatement(TestTables.orders()).sql(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keylessDeleteMatchesEveryColumnNullSafelyAndDeletesOneRow() {
        assertThat(new KeylessDeleteStatement(TestTables.log()).sql()).isEqualTo(
                "DELETE FROM `shop`.`log` WHERE `at` <=> ? AND "
                        + "CAST(`msg` AS BINARY) <=> CAST(CONVERT(? USING `utf8mb4`) AS BINARY) LIMIT 1");
    }

    @Test
    void keylessUpdateSetsEveryColumnThenMatchesTheBeforeImage() {
        assertThat(new KeylessUpdateStatement(TestTables.log()).sql()).isEqualTo(
                "UPDATE `shop`.`log` SET `at` = ?, `msg` = ? WHERE `at` <=> ? AND "
                        + "CAST(`msg` AS BINARY) <=> CAST(CONVERT(? USING `utf8mb4`) AS BINARY) LIMIT 1");
    }

    @Test
    void keylessMatchComparesJsonAsJsonAndSkipsGeneratedColumns() {
        TableDef table = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("j", "json", "json", "utf8mb4", "utf8mb4_bin", true, null, false),
                TestTables.column("f", "float", "float"),
                TestTables.column("raw", "varbinary", "varbinary(4)"),
                TestTables.generated("g", "`f` + 1", false)), List.of());
        assertThat(new KeylessDeleteStatement(table).sql()).isEqualTo(
                "DELETE FROM `d`.`t` WHERE `j` <=> CAST(? AS JSON) AND CONCAT(`f` * 1e0) <=> CONCAT(? * 1e0) AND `raw` <=> ? LIMIT 1");
    }

    @Test
    void deleteAllAndCreateDatabase() {
        assertThat(DeleteAllStatement.sql(new TableId("a`b", "c"))).isEqualTo("DELETE FROM `a``b`.`c`");
        assertThat(CreateDatabaseStatement.sql("fer`ry")).isEqualTo("CREATE DATABASE IF NOT EXISTS `fer``ry`");
    }

    @Test
    void createTableUsesExactTypesCharsetsGenerationAndTheKey() {
        TableDef table = new TableDef(new TableId("shop", "it`ems"), List.of(
                new ColumnDef("id", "bigint", "bigint unsigned", null, null, false, null, false),
                new ColumnDef("price", "decimal", "decimal(65,30)", null, null, true, null, false),
                new ColumnDef("name", "varchar", "varchar(20)", "latin1", "latin1_swedish_ci", false, null, false),
                new ColumnDef("kind", "enum", "enum('a','b''c')", "utf8mb4", "utf8mb4_bin", true, null, false),
                new ColumnDef("twice", "bigint", "bigint", null, null, true, "(`id` * 2)", true),
                new ColumnDef("v", "int", "int", null, null, true, "`id` + 1", false)),
                List.of("id", "name"));
        assertThat(CreateTableStatement.sql(table)).isEqualTo("""
                CREATE TABLE IF NOT EXISTS `shop`.`it``ems` (
                  `id` bigint unsigned NOT NULL,
                  `price` decimal(65,30) NULL,
                  `name` varchar(20) CHARACTER SET `latin1` COLLATE `latin1_swedish_ci` NOT NULL,
                  `kind` enum('a','b''c') CHARACTER SET `utf8mb4` COLLATE `utf8mb4_bin` NULL,
                  `twice` bigint GENERATED ALWAYS AS ((`id` * 2)) STORED NULL,
                  `v` int GENERATED ALWAYS AS (`id` + 1) VIRTUAL NULL,
                  PRIMARY KEY (`id`, `name`)
                )""");
    }

    @Test
    void createTableOfAKeylessTableHasNoPrimaryKey() {
        assertThat(CreateTableStatement.sql(TestTables.log())).doesNotContain("PRIMARY KEY").endsWith("NULL\n)");
    }

    @Test
    void progressStatementsQuoteTheStateDatabase() {
        ProgressStatements progress = new ProgressStatements("st`ate");
        assertThat(progress.table()).isEqualTo(new TableId("st`ate", "sink_progress"));
        assertThat(progress.select()).isEqualTo("SELECT `snapshot_id`, `snapshot_chunk`, `snapshot_done`, `wm_file`, "
                + "`wm_pos`, `wm_row`, `wm_sub`, `snapshot_keeps_rows` FROM `st``ate`.`sink_progress` "
                + "WHERE `connector_name` = ? AND `source_database` = ? AND `source_table` = ?");
        assertThat(progress.replace()).isEqualTo("REPLACE INTO `st``ate`.`sink_progress` (`connector_name`, "
                + "`source_database`, `source_table`, `snapshot_id`, `snapshot_chunk`, `snapshot_done`, `wm_file`, "
                + "`wm_pos`, `wm_row`, `wm_sub`, `snapshot_keeps_rows`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(progress.addKeepsRowsColumn()).isEqualTo("ALTER TABLE `st``ate`.`sink_progress` ADD COLUMN "
                + "`snapshot_keeps_rows` BOOLEAN NOT NULL DEFAULT FALSE");
        assertThat(progress.createTable()).startsWith("CREATE TABLE IF NOT EXISTS `st``ate`.`sink_progress` (")
                .contains("PRIMARY KEY (`connector_name`, `source_database`, `source_table`)");
    }

    @Test
    void snapshotRowsKeepingExistingOnesUpdateNothingOnADuplicateKey() {
        assertThat(RowsStatement.insertKeepingExisting(TestTables.orders()).sql(2)).isEqualTo("INSERT INTO `shop`.`orders` "
                + "(`id`, `note`) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE `id` = `id`");
    }

    @Test
    void loadDataNamesTheColumnsAndUnhexesBinaryOnesIntoThemAndReadsYearAsANumber() {
        TableDef table = new TableDef(new TableId("my`db", "t"), List.of(TestTables.bigint("i`d"),
                TestTables.column("raw", "varbinary", "varbinary(8)"), TestTables.column("yr", "year", "year"),
                TestTables.generated("g", "`i``d` * 2", true), TestTables.varchar("note", 20)), List.of("i`d"));
        String columns = " INTO TABLE `my``db`.`t` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\'"
                + " LINES STARTING BY '' TERMINATED BY '\\n' (`i``d`, @ferry_2, @ferry_3, `note`)"
                + " SET `raw` = UNHEX(@ferry_2), `yr` = CAST(@ferry_3 AS SIGNED)";
        assertThat(LoadDataStatement.replace(table).sql()).isEqualTo("LOAD DATA LOCAL INFILE 'ferry-rows' REPLACE" + columns);
        assertThat(LoadDataStatement.insert(table).sql()).isEqualTo("LOAD DATA LOCAL INFILE 'ferry-rows'" + columns);
        assertThat(LoadDataStatement.insertKeepingExisting(table).sql()).isEqualTo("LOAD DATA LOCAL INFILE 'ferry-rows' IGNORE" + columns);
        assertThat(LoadDataStatement.replace(TestTables.orders()).sql()).endsWith("(`id`, `note`)");
    }

    @Test
    void aLoadOfTypedJsonDocumentsSetsTheirScalarsFromFieldsAfterTheRow() {
        TableDef table = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("id", "bigint", "bigint", null, null, false, null, false),
                new ColumnDef("doc", "json", "json", null, null, true, null, false)), List.of("id"));
        String sql = LoadDataStatement.replace(table).withTypedJson(List.of(List.of(), List.of(
                new TypedJson.Scalar("$.\"a b\"[0]", "DECIMAL(3,2)", ""), new TypedJson.Scalar("$.d", "DATE", "")))).sql();
        assertThat(sql).startsWith("LOAD DATA LOCAL INFILE 'ferry-rows' REPLACE INTO TABLE `d`.`t`")
                .endsWith("(`id`, @ferry_2, @ferry_2_1, @ferry_2_2) SET `doc` = JSON_SET(CAST(@ferry_2 AS JSON), "
                        + "'$.\"a b\"[0]', CAST(@ferry_2_1 AS DECIMAL(3,2)), '$.d', CAST(@ferry_2_2 AS DATE))");
    }
}
