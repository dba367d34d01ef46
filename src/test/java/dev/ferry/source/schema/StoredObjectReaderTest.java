package dev.ferry.source.schema;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredObjectReaderTest {

    @Test
    void viewsComeAfterTheViewsTheyRead() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("a_top", "CREATE VIEW `a_top` AS select `d`.`m_mid`.`id` AS `id` from `d`.`m_mid`");
        views.put("m_mid", "CREATE VIEW `m_mid` AS select `d`.`z_base`.`id` AS `id` from `d`.`z_base` join `d`.`t`");
        views.put("z_base", "CREATE VIEW `z_base` AS select `d`.`t`.`id` AS `id`, '`d`.`a_top`' AS `s` from `d`.`t`");
        assertThat(StoredObjectReader.dependencyOrder("d", views)).containsExactly("z_base", "m_mid", "a_top");
    }

    @Test
    void modesMySql80RemovedAreLeftOut() {
        assertThat(StoredObjectReader.sqlMode("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION", "f"))
                .isEqualTo("SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        assertThat(StoredObjectReader.sqlMode("", "f")).isEqualTo("SET SESSION sql_mode = ''");
        assertThatThrownBy(() -> StoredObjectReader.sqlMode("A'B", "f")).hasMessageContaining("not a list of modes");
    }

    @Test
    void aCycleIsReported() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("a", "CREATE VIEW `a` AS select 1 from `d`.`b`");
        views.put("b", "CREATE VIEW `b` AS select 1 from `d`.`a`");
        assertThatThrownBy(() -> StoredObjectReader.dependencyOrder("d", views)).hasMessageContaining("cycle");
    }
}
