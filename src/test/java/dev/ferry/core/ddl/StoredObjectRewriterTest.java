package dev.ferry.core.ddl;

import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.NameCase;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredObjectRewriterTest {
    private static final ObjectMapping SAME = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));
    private static final ObjectMapping RENAMED = new ObjectMapping(new TableSelection(List.of(), List.of(), List.of()),
            NameRules.parse("app:app2", "app.t:items", "app.t.v:value", "", "", NameCase.KEEP), Map.of());

    @Test
    void viewsLoseTheirDefinerRunAsInvokerAndReadMappedNames() {
        String view = "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`127.0.0.1` SQL SECURITY DEFINER VIEW `app`.`v1` AS select "
                + "`app`.`t`.`id` AS `id`,`app`.`t`.`v` AS `v`,'`app`.`t`' AS `s` from `app`.`t` where (`app`.`t`.`v` > 1)";
        assertThat(new StoredObjectRewriter(SAME).view("app", view)).isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY INVOKER "
                + "VIEW `app`.`v1` AS select `app`.`t`.`id` AS `id`,`app`.`t`.`v` AS `v`,'`app`.`t`' AS `s` from `app`.`t` "
                + "where (`app`.`t`.`v` > 1)");
        assertThat(new StoredObjectRewriter(RENAMED).view("app", view)).isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY INVOKER "
                + "VIEW `app2`.`v1` AS select `app2`.`items`.`id` AS `id`,`app2`.`items`.`value` AS `v`,'`app`.`t`' AS `s` "
                + "from `app2`.`items` where (`app2`.`items`.`value` > 1)");
    }

    @Test
    void routinesRunAsInvoker() {
        String procedure = "CREATE DEFINER=`root`@`%` PROCEDURE `p_add`(IN x INT)\n    SQL SECURITY DEFINER\n"
                + "BEGIN INSERT INTO t (id, v) VALUES (x, x); END";
        assertThat(new StoredObjectRewriter(RENAMED).routine("app", procedure)).isEqualTo("CREATE PROCEDURE `app2`.`p_add`(IN x INT) "
                + "SQL SECURITY INVOKER\n    \nBEGIN INSERT INTO t (id, v) VALUES (x, x); END");
        String function = "CREATE DEFINER=`root`@`127.0.0.1` FUNCTION `f_double`(x INT) RETURNS int(11)\n    DETERMINISTIC\nRETURN x * 2";
        assertThat(new StoredObjectRewriter(SAME).routine("app", function)).isEqualTo("CREATE FUNCTION `app`.`f_double`(x INT) "
                + "RETURNS int(11) SQL SECURITY INVOKER\n    DETERMINISTIC\nRETURN x * 2");
    }

    @Test
    void triggersSkipTheSinksWrites() {
        String trigger = "CREATE DEFINER=`root`@`127.0.0.1` TRIGGER `t_ai` AFTER INSERT ON `t` FOR EACH ROW "
                + "INSERT INTO audit (t_id, note) VALUES (NEW.id, 'ins')";
        assertThat(new StoredObjectRewriter(RENAMED).trigger("app", trigger)).isEqualTo("CREATE TRIGGER `app2`.`t_ai` AFTER INSERT "
                + "ON `app2`.`items` FOR EACH ROW IF @ferry_sink IS NULL THEN INSERT INTO audit (t_id, note) VALUES (NEW.id, 'ins'); END IF");
        String asWritten = "CREATE DEFINER=`root`@`%` TRIGGER app.t_bi BEFORE INSERT ON app.t FOR EACH ROW SET NEW.v = 1";
        assertThat(new StoredObjectRewriter(RENAMED).trigger("app", asWritten)).isEqualTo("CREATE TRIGGER `app2`.`t_bi` BEFORE INSERT "
                + "ON `app2`.`items` FOR EACH ROW IF @ferry_sink IS NULL THEN SET NEW.v = 1; END IF");
        String ordered = "CREATE DEFINER=`u`@`h` TRIGGER `t_b2` BEFORE UPDATE ON `t` FOR EACH ROW PRECEDES `t_b1` BEGIN\n"
                + "  SET NEW.v = NEW.v + 1;\nEND";
        assertThat(new StoredObjectRewriter(SAME).trigger("app", ordered)).isEqualTo("CREATE TRIGGER `app`.`t_b2` BEFORE UPDATE ON "
                + "`app`.`t` FOR EACH ROW PRECEDES `t_b1` IF @ferry_sink IS NULL THEN BEGIN\n  SET NEW.v = NEW.v + 1;\nEND; END IF");
    }

    @Test
    void eventsArriveDisabled() {
        String event = "CREATE DEFINER=`root`@`%` EVENT `tick` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' "
                + "ON COMPLETION NOT PRESERVE ENABLE COMMENT 'daily' DO DELETE FROM `app`.`t` WHERE id < 0";
        assertThat(new StoredObjectRewriter(RENAMED).event("app", event)).isEqualTo("CREATE EVENT `app2`.`tick` ON SCHEDULE EVERY 1 DAY "
                + "STARTS '2030-01-01 00:00:00' ON COMPLETION NOT PRESERVE DISABLE COMMENT 'daily' DO DELETE FROM `app`.`t` WHERE id < 0");
        String replicaOnly = "CREATE DEFINER=`root`@`%` EVENT `tock` ON SCHEDULE AT '2030-01-01 00:00:00' ON COMPLETION PRESERVE "
                + "DISABLE ON SLAVE DO SELECT 1";
        assertThat(new StoredObjectRewriter(SAME).event("app", replicaOnly)).isEqualTo("CREATE EVENT `app`.`tock` ON SCHEDULE AT "
                + "'2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO SELECT 1");
    }
}
