package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.ddl.OnlineSchemaChange;
import dev.ferry.core.mapping.ObjectMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamStateTest {
    private static final ObjectMapping SHOP = ObjectMapping.of(new TableSelection(List.of("shop"), List.of(), List.of(), List.of(),
            List.of(), List.of()));
    private static final TableId A = new TableId("shop", "a");
    private static final TableId B = new TableId("shop", "b");
    private static final TableId C = new TableId("shop", "c");

    @Test
    void renamedTablesKeepTheirFirstTopicThroughChainsAndBack() {
        StreamState state = new StreamState(new OnlineSchemaChange(SHOP));
        state.renamed(A, B);
        assertThat(state.topicOf(B)).isEqualTo(A);
        assertThat(state.topicOf(A)).isEqualTo(A);
        state.renamed(B, C);
        assertThat(state.topicOf(C)).isEqualTo(A);
        assertThat(state.topicOf(B)).isEqualTo(B);
        state.renamed(C, A);
        assertThat(state.topicOf(A)).isEqualTo(A);
        assertThat(state.stamp(Map.of("pos", 4L))).isEqualTo(Map.of("pos", 4L));
    }

    @Test
    void renamesAndPendingOnlineSchemaChangesSurviveTheOffset() {
        OnlineSchemaChange changes = new OnlineSchemaChange(SHOP);
        StreamState state = new StreamState(changes);
        state.renamed(A, B);
        changes.onDdl("ALTER TABLE _c_gho ADD COLUMN x INT", "shop");
        state.changed();
        Map<String, ?> offset = state.stamp(Map.of("file", "mysql-bin.000003", "pos", 4L));
        assertThat(offset.get("file")).isEqualTo("mysql-bin.000003");

        OnlineSchemaChange restoredChanges = new OnlineSchemaChange(SHOP);
        StreamState restored = new StreamState(restoredChanges);
        restored.restore(offset);
        assertThat(restored.topicOf(B)).isEqualTo(A);
        assertThat(restoredChanges.pending()).isEqualTo(Map.of(C, List.of("ALTER TABLE `shop`.`c` ADD COLUMN x INT")));
        OnlineSchemaChange.Replay cutOver = restoredChanges.onDdl("RENAME TABLE _c_gho TO c", "shop");
        assertThat(cutOver.table()).isEqualTo(C);
        assertThat(cutOver.statements()).containsExactly("ALTER TABLE `shop`.`c` ADD COLUMN x INT");
        new StreamState(new OnlineSchemaChange(SHOP)).restore(Map.of("file", "f"));
    }
}
