package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.ObjectMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineSchemaChangeTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final ObjectMapping SHOP = ObjectMapping.of(new TableSelection(List.of("shop"), List.of(), List.of()));

    @Test
    void shadowTablesBelongToTheirSelectedTable() {
        OnlineSchemaChange osc = new OnlineSchemaChange(SHOP);
        for (String shadow : List.of("_orders_gho", "_orders_ghc", "_orders_del", "_orders_new", "_orders_old")) {
            assertThat(osc.realTableOf(new TableId("shop", shadow))).as(shadow).isEqualTo(ORDERS);
        }
        assertThat(osc.realTableOf(ORDERS)).isNull();
        assertThat(osc.realTableOf(new TableId("other", "_orders_gho"))).isNull();
        assertThat(osc.realTableOf(new TableId("shop", "orders_new"))).isNull();
    }

    @Test
    void ghostsAlterIsReplayedOnTheRealTableAtTheCutOver() {
        OnlineSchemaChange osc = new OnlineSchemaChange(SHOP);
        assertThat(osc.onDdl("create /* gh-ost */ table `shop`.`_orders_gho` like `shop`.`orders`", "shop").table()).isNull();
        assertThat(osc.onDdl("alter /* gh-ost */ table `shop`.`_orders_gho` add column c int not null default 5", "shop").statements())
                .isEmpty();
        assertThat(osc.onDdl("create /* gh-ost */ table `shop`.`_orders_ghc` (id bigint)", "shop").table()).isNull();
        assertThat(osc.onDdl("ALTER TABLE orders ADD COLUMN d INT", "shop")).isNull();
        OnlineSchemaChange.Replay cutOver = osc.onDdl("rename /* gh-ost */ table `shop`.`orders` to `shop`.`_orders_del`, "
                + "`shop`.`_orders_gho` to `shop`.`orders`", "shop");
        assertThat(cutOver.table()).isEqualTo(ORDERS);
        assertThat(cutOver.statements()).containsExactly("alter /* gh-ost */ table `shop`.`orders` add column c int not null default 5");
        assertThat(osc.onDdl("drop /* gh-ost */ table if exists `shop`.`_orders_del`", "shop").statements()).isEmpty();
    }

    @Test
    void ptOnlineSchemaChangesAlterIsReplayedOnce() {
        OnlineSchemaChange osc = new OnlineSchemaChange(SHOP);
        osc.onDdl("CREATE TABLE `shop`.`_orders_new` (`id` int NOT NULL, PRIMARY KEY (`id`))", "shop");
        osc.onDdl("ALTER TABLE `shop`.`_orders_new` ADD INDEX by_c (c)", "shop");
        assertThat(osc.onDdl("CREATE TRIGGER `pt_osc_shop_orders_ins` AFTER INSERT ON `shop`.`orders` FOR EACH ROW "
                + "REPLACE INTO `shop`.`_orders_new` (`id`) VALUES (NEW.`id`)", "shop")).isNull();
        OnlineSchemaChange.Replay cutOver = osc.onDdl("RENAME TABLE `shop`.`orders` TO `shop`.`_orders_old`, `shop`.`_orders_new` TO `shop`.`orders`", "shop");
        assertThat(cutOver.statements()).containsExactly("ALTER TABLE `shop`.`orders` ADD INDEX by_c (c)");
        assertThat(osc.onDdl("DROP TABLE IF EXISTS `shop`.`_orders_old`", "shop").table()).isNull();
        assertThat(osc.onDdl("RENAME TABLE `shop`.`orders` TO `shop`.`_orders_old`, `shop`.`_orders_new` TO `shop`.`orders`", "shop")
                .statements()).isEmpty();
    }
}
