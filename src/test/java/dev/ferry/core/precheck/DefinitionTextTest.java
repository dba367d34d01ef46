package dev.ferry.core.precheck;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionTextTest {

    @Test
    void qualifiedReferencesAreTablesAndViewsNotColumns() {
        String view = "select `shop`.`orders`.`id` AS `id`,`o`.`name` AS `name` from (`shop`.`orders` join `other`.`customers` `o` "
                + "on((`o`.`id` = `shop`.`orders`.`customer_id`))) where (`shop`.`orders`.`note` <> '`fake`.`ref`')";
        assertThat(DefinitionText.qualifiedReferences(view)).containsExactly(new TableId("shop", "orders"),
                new TableId("other", "customers"));
    }

    @Test
    void aServerWrittenJoinNamesBothTables() {
        assertThat(DefinitionText.qualifiedReferences("select `l`.`id` AS `id` from (`other`.`lookup` `l` join `carry`.`orders` `o` "
                + "on((`o`.`id` = `l`.`id`)))")).containsExactly(new TableId("other", "lookup"), new TableId("carry", "orders"));
    }

    @Test
    void wordsReservedSinceEightAreFoundOnlyAsBareIdentifiers() {
        String body = "BEGIN DECLARE rank INT DEFAULT 1; SET @rows = 2; SELECT t.window, `groups`, 'lead' FROM t; "
                + "-- lag in a comment\n SELECT rank + @@system_time_zone; END";
        assertThat(DefinitionText.reservedSince80(body)).containsExactly("RANK");
        assertThat(DefinitionText.reservedSince80("BEGIN SELECT ROW(1, 2) = ROW(1, 2), ROW_COUNT(); END")).isEmpty();
    }
}
