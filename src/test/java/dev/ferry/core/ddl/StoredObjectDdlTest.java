package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredObjectDdlTest {
    private static final TableId V = new TableId("shop", "v");

    @Test
    void viewsProceduresAndFunctionsAreNamedWithTheirDatabase() {
        StoredObjectDdl view = StoredObjectDdl.of("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS "
                + "select 1 AS `x`", "shop");
        assertThat(view).isEqualTo(new StoredObjectDdl(StoredObjectDdl.Action.CREATE_OR_ALTER, StoredObjectDdl.Kind.VIEW,
                java.util.List.of(V)));
        assertThat(StoredObjectDdl.of("create or replace view other.v as select 1", "shop").objects())
                .containsExactly(new TableId("other", "v"));
        assertThat(StoredObjectDdl.of("ALTER DEFINER='app'@'localhost' VIEW v AS SELECT 2", "shop").objects()).containsExactly(V);
        StoredObjectDdl drop = StoredObjectDdl.of("DROP VIEW IF EXISTS v, `shop`.`w`", "shop");
        assertThat(drop.action()).isEqualTo(StoredObjectDdl.Action.DROP);
        assertThat(drop.objects()).containsExactly(V, new TableId("shop", "w"));
        StoredObjectDdl procedure = StoredObjectDdl.of("CREATE DEFINER=root@localhost PROCEDURE shop.p(IN a INT) BEGIN SELECT a; END",
                "x");
        assertThat(procedure.kind()).isEqualTo(StoredObjectDdl.Kind.PROCEDURE);
        assertThat(procedure.objects()).containsExactly(new TableId("shop", "p"));
        assertThat(StoredObjectDdl.of("DROP FUNCTION IF EXISTS f", "shop").kind()).isEqualTo(StoredObjectDdl.Kind.FUNCTION);
        assertThat(StoredObjectDdl.of("ALTER PROCEDURE p COMMENT 'x'", "shop").action())
                .isEqualTo(StoredObjectDdl.Action.CREATE_OR_ALTER);
    }

    /** Debezium reports a view's CREATE or ALTER without its first word. */
    @Test
    void viewsAsDebeziumReportsThem() {
        StoredObjectDdl replaced = StoredObjectDdl.of("OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`127.0.0.1` SQL SECURITY DEFINER "
                + "VIEW `shop`.`v` AS SELECT 2 AS x", "");
        assertThat(replaced).isEqualTo(new StoredObjectDdl(StoredObjectDdl.Action.CREATE_OR_ALTER, StoredObjectDdl.Kind.VIEW,
                java.util.List.of(V)));
        assertThat(StoredObjectDdl.of("ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v (a) AS SELECT 1", "shop")
                .objects()).containsExactly(V);
        assertThat(StoredObjectDdl.of("VIEW v AS SELECT 1", "shop").objects()).containsExactly(V);
        assertThat(StoredObjectDdl.of("DEFINER=`root`@`%` PROCEDURE p() SELECT 1", "shop")).isNull();
        assertThat(StoredObjectDdl.of("SQL SECURITY DEFINER", "shop")).isNull();
    }

    @Test
    void otherStatementsAreNotStoredObjects() {
        assertThat(StoredObjectDdl.of("CREATE TABLE view_like (id INT)", "shop")).isNull();
        assertThat(StoredObjectDdl.of("DROP TABLE v", "shop")).isNull();
        assertThat(StoredObjectDdl.of("ALTER TABLE v ADD COLUMN view INT", "shop")).isNull();
        assertThat(StoredObjectDdl.of("CREATE AGGREGATE FUNCTION f RETURNS INTEGER SONAME 'x.so'", "shop")).isNull();
        assertThat(StoredObjectDdl.of("CREATE USER u", "shop")).isNull();
        assertThat(StoredObjectDdl.of("CREATE DEFINER=`root`@`%` EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "shop")).isNull();
        assertThat(StoredObjectDdl.of("CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1", "shop"))
                .isNull();
        assertThat(StoredObjectDdl.of("DROP DATABASE view", "shop")).isNull();
        assertThat(StoredObjectDdl.of("CREATE INDEX procedure ON t (a)", "shop")).isNull();
    }
}
