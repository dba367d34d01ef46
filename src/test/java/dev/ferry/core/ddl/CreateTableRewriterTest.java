package dev.ferry.core.ddl;

import dev.ferry.core.TableId;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.mapping.NameCase;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateTableRewriterTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final String ORDERS_DDL = """
            CREATE TABLE `orders` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              `customer_id` int(11) NOT NULL,
              `note` varchar(200) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'the `note`, id' COMMENT 'id of `note`',
              `secret` text,
              `total` int(11) GENERATED ALWAYS AS ((`id` * 2)) STORED,
              `updated` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              PRIMARY KEY (`id`),
              UNIQUE KEY `note` (`note`(10),`customer_id`),
              KEY `by_secret` (`secret`(20)),
              FULLTEXT KEY `ft` (`note`,`secret`),
              CONSTRAINT `orders_ibfk_1` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
            ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='orders, `id`'
            /*!50100 PARTITION BY HASH (`id`)
            PARTITIONS 4 */""";
    private static final TableDef ORDERS_DEF = new TableDef(ORDERS, List.of(column("id"), column("customer_id"), column("note"),
            column("secret"), column("total"), column("updated")), List.of("id"));

    private static ColumnDef column(String name) {
        return new ColumnDef(name, "int", "int", null, null, false, null, false);
    }

    private final List<String> dropped = new ArrayList<>();

    private String rewrite(ObjectMapping mapping, TableDef table, String ddl) {
        return new CreateTableRewriter(mapping, dropped::add).rewrite(table, ddl);
    }

    private static ObjectMapping mapping(String databases, String tables, String columns, List<String> columnExcludes) {
        TableSelection selection = new TableSelection(List.of(), List.of(), List.of(), List.of(), List.of(), columnExcludes);
        return new ObjectMapping(selection, NameRules.parse(databases, tables, columns, "", "", NameCase.KEEP), Map.of());
    }

    @Test
    void identityMappingKeepsEverythingAndQualifiesTheName() {
        String out = rewrite(ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())), ORDERS_DEF, ORDERS_DDL);
        assertThat(out).isEqualTo(ORDERS_DDL.replace("CREATE TABLE `orders` (", "CREATE TABLE IF NOT EXISTS `shop`.`orders` (")
                .replace("REFERENCES `customers`", "REFERENCES `shop`.`customers`"));
        assertThat(dropped).isEmpty();
    }

    @Test
    void anImplicitTableCollationIsWrittenOutSoAnotherVersionKeepsIt() {
        ObjectMapping identity = ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of()));
        CreateTableRewriter rewriter = new CreateTableRewriter(identity, dropped::add);
        String fromMySql57 = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        assertThat(rewriter.rewrite(ORDERS_DEF, fromMySql57, "utf8mb4_general_ci"))
                .endsWith(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        String explicit = fromMySql57 + " COLLATE=utf8mb4_bin";
        assertThat(rewriter.rewrite(ORDERS_DEF, explicit, "utf8mb4_bin")).endsWith("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
                .doesNotContain("COLLATE=utf8mb4_bin COLLATE");
        assertThat(rewriter.rewrite(ORDERS_DEF, fromMySql57, null)).endsWith("DEFAULT CHARSET=utf8mb4");
    }

    @Test
    void renamesTablesColumnsAndReferencesInEveryPlaceButStringsAndIndexNames() {
        ObjectMapping m = mapping("shop:shop_v2", "shop.customers:clients",
                "shop.orders.note:remark, shop.orders.id:order_id, shop.customers.id:client_id", List.of());
        String out = rewrite(m, ORDERS_DEF, ORDERS_DDL);
        assertThat(out)
                .startsWith("CREATE TABLE IF NOT EXISTS `shop_v2`.`orders` (\n  `order_id` int(11) NOT NULL AUTO_INCREMENT,")
                .contains("`remark` varchar(200) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'the `note`, id' COMMENT 'id of `note`',")
                .contains("GENERATED ALWAYS AS ((`order_id` * 2)) STORED")
                .contains("PRIMARY KEY (`order_id`)")
                .contains("UNIQUE KEY `note` (`remark`(10),`customer_id`)")
                .contains("FULLTEXT KEY `ft` (`remark`,`secret`)")
                .contains("FOREIGN KEY (`customer_id`) REFERENCES `shop_v2`.`clients` (`client_id`) ON DELETE CASCADE")
                .contains("COMMENT='orders, `id`'")
                .contains("PARTITION BY HASH (`order_id`)");
    }

    @Test
    void anExcludedColumnTakesItsIndexesAlong() {
        ObjectMapping m = mapping("", "", "", List.of("shop\\.orders\\.secret"));
        String out = rewrite(m, ORDERS_DEF, ORDERS_DDL);
        assertThat(out).doesNotContain("`secret`").doesNotContain("by_secret").doesNotContain("FULLTEXT")
                .contains("`total` int(11) GENERATED ALWAYS AS ((`id` * 2)) STORED,\n  `updated`")
                .contains("UNIQUE KEY `note` (`note`(10),`customer_id`),\n  CONSTRAINT");
        assertThat(dropped).hasSize(2).allMatch(s -> s.contains("secret"));
    }

    @Test
    void aForeignKeyToATableNotMigratedIsDroppedAndReported() {
        ObjectMapping m = new ObjectMapping(new TableSelection(List.of(), List.of("shop\\.orders"), List.of()),
                NameRules.identity(), Map.of());
        String out = rewrite(m, ORDERS_DEF, ORDERS_DDL);
        assertThat(out).doesNotContain("FOREIGN KEY").contains("FULLTEXT KEY `ft` (`note`,`secret`)\n) ENGINE");
        assertThat(dropped).singleElement().asString().contains("shop.customers").contains("orders_ibfk_1");
    }

    @Test
    void aPartitioningColumnWrittenBareIsRenamed() {
        String ddl = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB\n"
                + "/*!50100 PARTITION BY RANGE (id)\n(PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB,\n"
                + " PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */";
        TableDef t = new TableDef(new TableId("shop", "t"), List.of(column("id")), List.of("id"));
        String out = rewrite(mapping("", "", "shop.t.id:k", List.of()), t, ddl);
        assertThat(out).contains("PARTITION BY RANGE (`k`)").contains("PARTITION p0 VALUES LESS THAN (10)");
    }

    @Test
    void aGeneratedColumnOnAnExcludedColumnIsAConfigurationError() {
        TableDef t = new TableDef(new TableId("shop", "g"), List.of(column("a"), column("b")), List.of());
        String ddl = "CREATE TABLE `g` (\n  `a` int,\n  `b` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL\n)";
        assertThatThrownBy(() -> rewrite(mapping("", "", "", List.of("shop\\.g\\.a")), t, ddl))
                .isInstanceOf(MappingException.class).hasMessageContaining("shop.g.b").hasMessageContaining("a");
    }

    @Test
    void aCollationInheritedFromTheTableIsLeftToInheritance() {
        TableDef t = new TableDef(new TableId("shop", "c"), List.of(column("a"), column("b"), column("c")), List.of());
        String ddl = "CREATE TABLE `c` (\n  `a` varchar(10) COLLATE latin1_general_ci DEFAULT NULL,\n"
                + "  `b` varchar(10) CHARACTER SET latin1 COLLATE latin1_general_ci DEFAULT 'COLLATE x',\n"
                + "  `c` varchar(10) GENERATED ALWAYS AS ((`a` collate latin1_bin)) VIRTUAL\n) DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci";
        assertThat(rewrite(ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())), t, ddl))
                .contains("`a` varchar(10) DEFAULT NULL,")
                .contains("`b` varchar(10) CHARACTER SET latin1 COLLATE latin1_general_ci DEFAULT 'COLLATE x',")
                .contains("(`a` collate latin1_bin)");
    }

    @Test
    void databasesKeepTheirCharsetUnderTheirNewName() {
        assertThat(CreateDatabaseRewriter.rewrite("CREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET latin1 */", "shop_v2"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS `shop_v2` /*!40100 DEFAULT CHARACTER SET latin1 */");
        assertThat(CreateDatabaseRewriter.rewrite("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8 */", "x"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS `x` /*!40100 DEFAULT CHARACTER SET utf8 */");
    }

    @Test
    void anImplicitDatabaseCollationIsWrittenOutSoAnotherVersionKeepsIt() {
        // 5.7 writes no COLLATE for utf8mb4_general_ci, the default there; 8.0 would take utf8mb4_0900_ai_ci.
        assertThat(CreateDatabaseRewriter.rewrite("CREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */", "shop",
                "utf8mb4_general_ci"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */");
        String explicit = "CREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET latin1 COLLATE latin1_general_ci */";
        assertThat(CreateDatabaseRewriter.rewrite(explicit, "shop", "latin1_general_ci"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET latin1 COLLATE latin1_general_ci */");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> rewrite(ObjectMapping.of(new TableSelection(List.of(), List.of(), List.of())), ORDERS_DEF, "CREATE VIEW `v` AS select 1"))
                .isInstanceOf(DdlSyntaxException.class);
    }
}
