package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlFlagsTest {

    @Test
    void defaultsGiveRowBinlogWithGtidsAndNoXPluginOn80() {
        assertThat(MySqlFlags.defaults(MySqlVersion.V8_0).toArguments()).contains(
                "--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL", "--gtid-mode=ON",
                "--enforce-gtid-consistency=ON", "--secure-file-priv=", "--skip-name-resolve", "--mysqlx=OFF");
    }

    @Test
    void mysql57HasNoMysqlxOption() {
        assertThat(MySqlFlags.defaults(MySqlVersion.V5_7).toArguments()).noneMatch(a -> a.startsWith("--mysqlx"));
    }

    @Test
    void changesReplaceDropOrAddOptionsWhateverTheSpelling() {
        MySqlFlags flags = MySqlFlags.defaults(MySqlVersion.V8_0);
        Map<String, String> changes = new HashMap<>();
        changes.put("binlog_format", "STATEMENT");
        changes.put("--log-bin", null);
        changes.put("lower_case_table_names", "1");

        flags.apply(changes);

        assertThat(flags.toArguments())
                .contains("--binlog-format=STATEMENT", "--lower-case-table-names=1")
                .doesNotContain("--binlog-format=ROW")
                .noneMatch(a -> a.startsWith("--log-bin"));
    }

    @Test
    void builderRefusesOptionsTheServerManages() {
        MySqlServerBuilder builder = MySqlServer.builder(MySqlVersion.V8_0);

        assertThatThrownBy(() -> builder.flag("port", "3306")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.flags(Map.of("server_id", "7"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutBinlogSwitchesTheBinaryLogOff() {
        MySqlServerBuilder builder = MySqlServer.builder(MySqlVersion.V8_0).withoutBinlog();

        assertThat(builder.flags().toArguments()).contains("--skip-log-bin").noneMatch(a -> a.startsWith("--log-bin"));
    }
}
