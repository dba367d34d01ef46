package dev.ferry.core.precheck;

import dev.ferry.core.precheck.destination.DestinationPrivilegesCheckAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of checks: how settings are changed per flavor, grant patterns, version comparison. */
class CheckFixTextTest {

    private static ServerInfo server(ServerFlavor flavor, int major, int minor, int patch) {
        return new ServerInfo(flavor, major + "." + minor + "." + patch, major, minor, patch, flavor.displayName());
    }

    @Test
    void settingsAreChangedTheWayEachFlavorAllows() {
        assertThat(SettingFix.set(server(ServerFlavor.MYSQL, 8, 0, 15), "binlog_format", "ROW"))
                .isEqualTo("SET PERSIST binlog_format = 'ROW';");
        assertThat(SettingFix.set(server(ServerFlavor.MYSQL, 5, 7, 22), "expire_logs_days", "7"))
                .isEqualTo("SET GLOBAL expire_logs_days = 7; and add expire_logs_days=7 under [mysqld] in my.cnf so it survives a restart.");
        assertThat(SettingFix.set(server(ServerFlavor.AURORA_MYSQL, 8, 0, 28), "binlog_row_image", "FULL"))
                .contains("DB cluster parameter group").contains("reboot");
        assertThat(SettingFix.set(server(ServerFlavor.POLARDB_MYSQL, 8, 0, 18), "binlog_row_image", "FULL"))
                .startsWith("Set loose_binlog_row_image=FULL");
    }

    @Test
    void grantPatternsMatchAsMySqlMatchesThem() {
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("shop", "shop")).isTrue();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("shop\\_db", "shop_db")).isTrue();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("shop\\_db", "shopxdb")).isFalse();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("shop_db", "shopxdb")).isTrue();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("app%", "app_eu")).isTrue();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("app%", "ferry")).isFalse();
        assertThat(DestinationPrivilegesCheckAccess.likeMatches("a.b", "axb")).isFalse();
    }

    @Test
    void versionsCompareByMajorMinorPatch() {
        assertThat(server(ServerFlavor.MYSQL, 5, 7, 22).olderThan(server(ServerFlavor.MYSQL, 8, 0, 15))).isTrue();
        assertThat(server(ServerFlavor.MYSQL, 8, 0, 9).olderThan(server(ServerFlavor.MYSQL, 8, 0, 15))).isTrue();
        assertThat(server(ServerFlavor.MYSQL, 8, 0, 15).olderThan(server(ServerFlavor.MYSQL, 8, 0, 15))).isFalse();
        assertThat(server(ServerFlavor.MYSQL, 8, 0, 15).atLeast(8, 0, 3)).isTrue();
        assertThat(server(ServerFlavor.MYSQL, 5, 7, 22).atLeast(5, 7, 5)).isTrue();
    }
}
