package dev.ferry.source.snapshot;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.MappedTable;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScannedJsonTypesTest {
    private static final MappedTable KEYLESS = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())).map(
            new TableDef(new TableId("db", "t"), List.of(
                    new ColumnDef("n", "int", "int", null, null, true, null, false),
                    new ColumnDef("j", "json", "json", null, null, true, null, false)), List.of()));

    @Test
    void tableWithoutJsonColumnsNeedsNoFirstPass() {
        MappedTable plain = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())).map(
                new TableDef(new TableId("db", "p"), List.of(new ColumnDef("n", "int", "int", null, null, true, null, false)), List.of()));
        assertThat(ScannedJsonTypes.of(plain, true)).isNull();
    }

    @Test
    void documentsWithoutCandidatesAskNothing() {
        ScannedJsonTypes types = ScannedJsonTypes.of(KEYLESS, true);
        types.learn(0, "{\"a\": \"x\"}");
        types.learn(0, null);
        assertThat(types.bound()).isFalse();
    }

    @Test
    void theScanAsksEveryPathOfTheColumnOnceAndEachLongTimeReading() {
        ScannedJsonTypes types = ScannedJsonTypes.of(KEYLESS, true);
        types.learn(0, "[1.50, \"2020-01-01\"]");
        types.learn(0, "[2.5]");
        types.learn(0, "{\"t\": \"30:00:00.000000\"}");
        assertThat(types.bound()).isTrue();
        assertThat(types.selectSql(KEYLESS)).isEqualTo("SELECT `n`, `j`, CONCAT_WS(','"
                + ", IFNULL(JSON_TYPE(JSON_EXTRACT(`j`, ?)), 'MISSING')".repeat(3)
                + ", IFNULL(JSON_EXTRACT(`j`, ?) = CAST(? AS TIME(6)), 0)".repeat(2) + ") FROM `db`.`t`");
    }

    @Test
    void eachRowIsTypedByItsOwnAnswers() {
        ScannedJsonTypes types = ScannedJsonTypes.of(KEYLESS, true);
        types.learn(0, "[2.5]");
        types.learn(0, "{\"t\": \"30:00:00.000000\"}");
        types.bound();
        Object[] decimal = {1L, "[2.5]"};
        Object[] dbl = {1L, "[2.5]"};
        types.type(decimal, new String[] {"DECIMAL,MISSING,0,0"});
        types.type(dbl, new String[] {"DOUBLE,MISSING,0,0"});
        assertThat(TypedJson.decode((String) decimal[1]).scalars()).containsExactly(new TypedJson.Scalar("$[0]", "DECIMAL(2,1)", "2.5"));
        assertThat(dbl[1]).isEqualTo("[2.5]");
        Object[] time = {1L, "{\"t\": \"30:00:00.000000\"}"};
        types.type(time, new String[] {"MISSING,TIME,0,1"});
        assertThat(TypedJson.decode((String) time[1]).scalars()).containsExactly(new TypedJson.Scalar("$.\"t\"", "TIME(6)", "38:00:00.000000"));
    }

    @Test
    void onFiveSevenPathsThroughAnEmptyNameAreCountedNotAsked() {
        ScannedJsonTypes types = ScannedJsonTypes.of(KEYLESS, false);
        types.learn(0, "{\"\": 1.50}");
        assertThat(types.bound()).isTrue();
        assertThat(types.unaddressable()).isEqualTo(1);
        assertThat(types.selectSql(KEYLESS)).isEqualTo("SELECT `n`, `j` FROM `db`.`t`");
    }
}
