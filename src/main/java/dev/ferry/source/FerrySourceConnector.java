package dev.ferry.source;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.TableId;
import dev.ferry.core.mapping.MappingProblem;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.CheckStatus;
import dev.ferry.core.precheck.ConnectionCheck;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.core.schema.TableDef;
import dev.ferry.source.catalog.TableCatalog;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ferry's source: a consistent, lock-free snapshot read by Ferry, then the binlog read by Debezium's
 * MySQL connector, both written as Ferry change batches, one topic per table. One task: a binlog
 * has one reader.
 */
public final class FerrySourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return FerryVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        new FerrySourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FerrySourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return FerrySourceConfig.CONFIG_DEF;
    }

    /**
     * Field-level checks, then the cross-field rules, then the precheck ({@link SourcePrecheck}): each
     * blocking result (a failure, or a warning not acknowledged) is reported on the key it concerns.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = result.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return result;
        }
        FerrySourceConfig config;
        try {
            config = new FerrySourceConfig(connectorConfigs);
        }
        catch (ConfigException e) {
            values.get(FerrySourceConfig.HISTORY_SERVERS_CONFIG).addErrorMessage(e.getMessage());
            return result;
        }
        PrecheckReport report = SourcePrecheck.run(config, false);
        for (CheckResult blocking : report.blocking()) {
            // source.selection.exists fails only for databases that are missing, and warns about table patterns.
            String field = blocking.id().equals("source.selection.exists") && blocking.status() == CheckStatus.FAIL
                    ? FerrySourceConfig.DATABASE_INCLUDE_CONFIG : SourcePrecheck.FIELDS.get(blocking.subject());
            values.get(field).addErrorMessage(blocking.message());
        }
        if (report.result(ConnectionCheck.SOURCE_ID).status() == CheckStatus.PASS) {
            checkSource(config, values);
        }
        return result;
    }

    /** Checks the selection, mapping and filters against the source's tables (the connection was checked by the precheck). */
    private static void checkSource(FerrySourceConfig config, Map<String, ConfigValue> values) {
        SourceConnections connections = new SourceConnections(config);
        try (Connection connection = connections.open()) {
            checkMapping(connection, config.mapping(), values);
        }
        catch (SQLException e) {
            values.get(FerrySourceConfig.HOSTNAME_CONFIG).addErrorMessage("Cannot connect to the source at " + config.hostname()
                    + ":" + config.port() + " to check the selection, mapping and filters: " + e.getMessage());
        }
    }

    private static void checkMapping(Connection connection, ObjectMapping mapping, Map<String, ConfigValue> values) {
        try {
            for (MappingProblem problem : problems(connection, mapping)) {
                ConfigValue field = values.getOrDefault(problem.configKey(), values.get(FerrySourceConfig.DATABASE_INCLUDE_CONFIG));
                field.addErrorMessage(problem.message());
            }
        }
        catch (SQLException e) {
            values.get(FerrySourceConfig.DATABASE_INCLUDE_CONFIG).addErrorMessage("Cannot read the source's information_schema "
                    + "to check the selection, mapping and filters: " + e.getMessage() + ". The user needs SELECT on the "
                    + "selected tables.");
        }
    }

    private static List<MappingProblem> problems(Connection connection, ObjectMapping mapping) throws SQLException {
        List<TableId> tables = TableCatalog.allTables(connection);
        List<TableDef> selected = new ArrayList<>();
        for (TableId table : tables) {
            if (mapping.isTableSelected(table)) {
                TableDef definition = TableCatalog.read(connection, table);
                if (definition != null) {
                    selected.add(definition);
                }
            }
        }
        return mapping.check(TableCatalog.databases(connection), tables, selected);
    }
}
