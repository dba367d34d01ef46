package dev.ferry.source;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.MappingException;
import dev.ferry.core.mapping.NameCase;
import dev.ferry.core.mapping.NameRules;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.mapping.RowFilters;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The source connector's configuration: the connection keys Debezium users know, Ferry's own keys
 * for what to migrate and how, and the Debezium schema history keys, parsed once into typed values.
 */
public final class FerrySourceConfig extends AbstractConfig {
    private static final String GROUP_CONNECTION = "Connection";
    private static final String GROUP_SELECTION = "Selection";
    private static final String GROUP_MAPPING = "Name mapping";
    private static final String GROUP_MIGRATION = "Migration";
    private static final String GROUP_HISTORY = "Schema history";
    private static final String GROUP_PRECHECK = "Precheck";

    public static final String HOSTNAME_CONFIG = "database.hostname";
    private static final String HOSTNAME_DOC = "Host name or IP address of the source MySQL server.";
    public static final String PORT_CONFIG = "database.port";
    private static final String PORT_DOC = "Port of the source MySQL server.";
    public static final String USER_CONFIG = "database.user";
    private static final String USER_DOC = "User Ferry connects as. It needs SELECT on the selected tables and, for incremental "
            + "migration, REPLICATION SLAVE and REPLICATION CLIENT; schema migration of whole databases also needs SHOW VIEW, "
            + "TRIGGER (and EVENT with schema.events), and global SELECT or SHOW_ROUTINE to read routine bodies. No RELOAD, "
            + "LOCK TABLES or SUPER is needed.";
    public static final String PASSWORD_CONFIG = "database.password";
    private static final String PASSWORD_DOC = "Password of database.user.";
    public static final String SERVER_ID_CONFIG = "database.server.id";
    private static final String SERVER_ID_DOC = "Server id Ferry uses to read the binlog as a replica would. It must differ from "
            + "the server_id of the source and of every replica and other binlog reader of it.";
    public static final String SSL_MODE_CONFIG = "database.ssl.mode";
    private static final String SSL_MODE_DOC = "TLS for source connections: disabled, preferred, required, verify_ca or verify_identity.";
    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of the Kafka topics Ferry writes: one topic per table, named "
            + "<prefix>.<database>.<table>, and <prefix>.ferry for lifecycle events. Also names the source in offsets.";

    public static final String DATABASE_INCLUDE_CONFIG = "database.include.list";
    private static final String DATABASE_INCLUDE_DOC = "Comma-separated regular expressions matched against whole database "
            + "names (case-sensitive; a plain name matches itself); only matching databases are migrated. Empty: every "
            + "database except mysql, sys, information_schema and performance_schema. Selecting a whole database (no table "
            + "or column lists, no row filter on it) also selects its views, procedures, functions and triggers.";
    public static final String DATABASE_EXCLUDE_CONFIG = "database.exclude.list";
    private static final String DATABASE_EXCLUDE_DOC = "Comma-separated regular expressions matched against whole database "
            + "names; matching databases are left out.";
    public static final String TABLE_INCLUDE_CONFIG = "table.include.list";
    private static final String TABLE_INCLUDE_DOC = "Comma-separated regular expressions matched against database.table; "
            + "only matching tables of the included databases are migrated. Empty: all of them.";
    public static final String TABLE_EXCLUDE_CONFIG = "table.exclude.list";
    private static final String TABLE_EXCLUDE_DOC = "Comma-separated regular expressions matched against database.table; "
            + "matching tables are left out.";
    public static final String COLUMN_INCLUDE_CONFIG = "column.include.list";
    private static final String COLUMN_INCLUDE_DOC = "Comma-separated regular expressions matched against "
            + "database.table.column; when set, only matching columns reach the destination, in every selected table "
            + "(write shop\\.orders\\..* to keep all columns of a table). The key columns must stay selected.";
    public static final String COLUMN_EXCLUDE_CONFIG = "column.exclude.list";
    private static final String COLUMN_EXCLUDE_DOC = "Comma-separated regular expressions matched against "
            + "database.table.column; matching columns never reach the destination (neither the table definition nor "
            + "the values). A key column cannot be excluded.";
    public static final String ROW_FILTERS_CONFIG = RowFilters.KEY;
    private static final String ROW_FILTERS_DOC = "Row filters, 'database.table: condition' entries separated by ';'. "
            + "Only rows for which the condition is TRUE are migrated: the snapshot reads them with the condition as its "
            + "WHERE clause, and binlog changes are evaluated on their row images, so an update moving a row out of the "
            + "filter deletes it on the destination and one moving a row in inserts it. Conditions compare a column with "
            + "constants: =, <>, !=, <, <=, >, >=, [NOT] IN, [NOT] BETWEEN, IS [NOT] NULL, AND, OR, NOT, parentheses; "
            + "numbers without exponent on integer and DECIMAL columns, 'YYYY-MM-DD[ hh:mm:ss[.ffffff]]' on DATE, "
            + "DATETIME and TIMESTAMP (UTC) columns, and equality with 'text' on strings with a binary collation. "
            + "Anything Ferry cannot evaluate exactly is refused with the reason.";

    public static final String MAPPING_DATABASES_CONFIG = NameRules.DATABASES_KEY;
    private static final String MAPPING_DATABASES_DOC = "Databases migrated under another name, with all their tables: "
            + "comma-separated source:destination pairs, e.g. shop:shop_v2. Quote names holding '.', ',', ':' in backticks.";
    public static final String MAPPING_TABLES_CONFIG = NameRules.TABLES_KEY;
    private static final String MAPPING_TABLES_DOC = "Tables migrated under another name: comma-separated "
            + "database.table:destination_database.destination_table pairs, or database.table:destination_table to keep "
            + "the database's mapping. Explicit names are used exactly as written.";
    public static final String MAPPING_COLUMNS_CONFIG = NameRules.COLUMNS_KEY;
    private static final String MAPPING_COLUMNS_DOC = "Columns migrated under another name: comma-separated "
            + "database.table.column:destination_column pairs.";
    public static final String MAPPING_PREFIX_CONFIG = "mapping.table.prefix";
    private static final String MAPPING_PREFIX_DOC = "Added in front of every destination table name not renamed in mapping.tables.";
    public static final String MAPPING_SUFFIX_CONFIG = "mapping.table.suffix";
    private static final String MAPPING_SUFFIX_DOC = "Added after every destination table name not renamed in mapping.tables.";
    public static final String MAPPING_CASE_CONFIG = "mapping.case";
    private static final String MAPPING_CASE_DOC = "Case of destination database, table and column names Ferry derives from "
            + "source names: keep, lower or upper. Names given in mapping.* settings are used as written. Two objects "
            + "ending up with one name are a configuration error.";

    public static final String MIGRATION_TYPES_CONFIG = "migration.types";
    private static final String MIGRATION_TYPES_DOC = "What to migrate, any combination of schema, full and incremental. "
            + "'full' alone copies a consistent snapshot and then reports the migration complete; 'incremental' alone "
            + "starts from the binlog position at the first start; 'full,incremental' streams the binlog from the "
            + "snapshot's point with no gap and no overlap. 'schema' creates the destination tables even when no row is copied.";
    public static final String CONFLICT_POLICY_CONFIG = "conflict.policy";
    private static final String CONFLICT_POLICY_DOC = "What happens when a destination table already holds rows: 'fail' "
            + "(the default) stops before writing into a table holding rows this migration did not write; 'proceed' keeps "
            + "them: during the snapshot a destination row with the same key as a source row is kept and the source row "
            + "is skipped, other rows are inserted and the table is never emptied; during incremental migration the "
            + "source's changes overwrite and delete destination rows.";
    public static final String SCHEMA_EVENTS_CONFIG = "schema.events";
    private static final String SCHEMA_EVENTS_DOC = "Also migrate the events (event scheduler jobs) of databases selected as a "
            + "whole, with schema migration. They are created DISABLED and without DEFINER on the destination: an event running "
            + "on both servers would apply its changes twice while the source's arrive through the binlog. Enable them at "
            + "cutover with ALTER EVENT ... ENABLE.";
    public static final String SNAPSHOT_CHUNK_ROWS_CONFIG = "snapshot.chunk.rows";
    private static final String SNAPSHOT_CHUNK_ROWS_DOC = "Most rows in one snapshot record. Larger chunks mean fewer, larger "
            + "Kafka records and fewer destination statements.";
    public static final String SNAPSHOT_CHUNK_BYTES_CONFIG = "snapshot.chunk.bytes";
    private static final String SNAPSHOT_CHUNK_BYTES_DOC = "Approximate most bytes of row data in one snapshot record; keep it "
            + "well under the producer's max.request.size and the topic's max.message.bytes. A single larger row still "
            + "travels alone, so those limits must fit the largest row.";
    public static final String SNAPSHOT_QUEUE_CONFIG = "snapshot.queue.chunks";
    private static final String SNAPSHOT_QUEUE_DOC = "Chunks read ahead of Kafka while the snapshot runs.";

    public static final String HISTORY_SERVERS_CONFIG = "schema.history.internal.kafka.bootstrap.servers";
    private static final String HISTORY_SERVERS_DOC = "Kafka bootstrap servers for Debezium's schema history, which incremental "
            + "migration needs to decode binlog events after DDL. Usually the Connect cluster's own brokers.";
    public static final String HISTORY_TOPIC_CONFIG = "schema.history.internal.kafka.topic";
    private static final String HISTORY_TOPIC_DOC = "Topic of Debezium's schema history. Default: <topic.prefix>.schema-history.";

    public static final String PRECHECK_URL_CONFIG = "precheck.destination.url";
    private static final String PRECHECK_URL_DOC = "JDBC URL of the destination MySQL server (as the sink's connection.url), "
            + "so the source's precheck also runs the checks that compare source and destination: version, free space, "
            + "conflicting tables, names, max_allowed_packet, character sets, collations, dates and time zones. Empty: "
            + "those checks are skipped; run them with bin/ferry precheck source.json sink.json.";
    public static final String PRECHECK_USERNAME_CONFIG = "precheck.destination.username";
    private static final String PRECHECK_USERNAME_DOC = "Destination user for the precheck's cross checks; it only reads.";
    public static final String PRECHECK_PASSWORD_CONFIG = "precheck.destination.password";
    private static final String PRECHECK_PASSWORD_DOC = "Password of precheck.destination.username.";
    public static final String PRECHECK_STATE_DATABASE_CONFIG = "precheck.destination.state.database";
    private static final String PRECHECK_STATE_DATABASE_DOC = "The sink's state.database: tables its progress table records "
            + "are this migration's own and do not count as conflicting.";
    public static final String PRECHECK_ACKNOWLEDGED_CONFIG = "precheck.acknowledged.warnings";
    public static final String PRECHECK_ACKNOWLEDGED_DOC = "Ids of precheck warnings that do not block the migration, e.g. "
            + "source.tables.keyless. A failure cannot be acknowledged.";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final Set<MigrationType> migrationTypes;
    private final TableSelection selection;
    private final ObjectMapping mapping;
    private final ConflictPolicy conflictPolicy;

    public FerrySourceConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        migrationTypes = MigrationType.parseList(getString(MIGRATION_TYPES_CONFIG));
        selection = new TableSelection(getList(DATABASE_INCLUDE_CONFIG), getList(DATABASE_EXCLUDE_CONFIG),
                getList(TABLE_INCLUDE_CONFIG), getList(TABLE_EXCLUDE_CONFIG), getList(COLUMN_INCLUDE_CONFIG), getList(COLUMN_EXCLUDE_CONFIG));
        mapping = new ObjectMapping(selection, nameRules(this::getString), RowFilters.parse(getString(ROW_FILTERS_CONFIG)));
        conflictPolicy = ConflictPolicy.parse(getString(CONFLICT_POLICY_CONFIG));
        if (migrationTypes.contains(MigrationType.INCREMENTAL) && getString(HISTORY_SERVERS_CONFIG).isBlank()) {
            throw new ConfigException(HISTORY_SERVERS_CONFIG, "", "incremental migration needs the Kafka bootstrap servers for "
                    + "Debezium's schema history; set it to the Connect cluster's bootstrap.servers");
        }
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(HOSTNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                HOSTNAME_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Host");
        def.define(PORT_CONFIG, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.HIGH, PORT_DOC, GROUP_CONNECTION,
                ++order, Width.SHORT, "Port");
        def.define(USER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH, USER_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(PASSWORD_CONFIG, Type.PASSWORD, "", Importance.HIGH, PASSWORD_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");
        def.define(SERVER_ID_CONFIG, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Range.between(1, 4294967295L), Importance.HIGH,
                SERVER_ID_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Replica server id");
        def.define(SSL_MODE_CONFIG, Type.STRING, "preferred", ConfigDef.CaseInsensitiveValidString.in(
                "disabled", "preferred", "required", "verify_ca", "verify_identity"), Importance.MEDIUM, SSL_MODE_DOC,
                GROUP_CONNECTION, ++order, Width.SHORT, "TLS mode");
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicPrefixValidator(), Importance.HIGH,
                TOPIC_PREFIX_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Topic prefix");

        order = 0;
        def.define(DATABASE_INCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.HIGH, DATABASE_INCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Databases");
        def.define(DATABASE_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM, DATABASE_EXCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Databases to exclude");
        def.define(TABLE_INCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM, TABLE_INCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Tables to include");
        def.define(TABLE_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM, TABLE_EXCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Tables to exclude");
        def.define(COLUMN_INCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM, COLUMN_INCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Columns to include");
        def.define(COLUMN_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM, COLUMN_EXCLUDE_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Columns to exclude");
        def.define(ROW_FILTERS_CONFIG, Type.STRING, "", new MappingValidator(), Importance.MEDIUM, ROW_FILTERS_DOC,
                GROUP_SELECTION, ++order, Width.LONG, "Row filters");

        order = 0;
        def.define(MAPPING_DATABASES_CONFIG, Type.STRING, "", new MappingValidator(), Importance.MEDIUM, MAPPING_DATABASES_DOC,
                GROUP_MAPPING, ++order, Width.LONG, "Database names");
        def.define(MAPPING_TABLES_CONFIG, Type.STRING, "", new MappingValidator(), Importance.MEDIUM, MAPPING_TABLES_DOC,
                GROUP_MAPPING, ++order, Width.LONG, "Table names");
        def.define(MAPPING_COLUMNS_CONFIG, Type.STRING, "", new MappingValidator(), Importance.MEDIUM, MAPPING_COLUMNS_DOC,
                GROUP_MAPPING, ++order, Width.LONG, "Column names");
        def.define(MAPPING_PREFIX_CONFIG, Type.STRING, "", Importance.LOW, MAPPING_PREFIX_DOC, GROUP_MAPPING, ++order,
                Width.SHORT, "Table name prefix");
        def.define(MAPPING_SUFFIX_CONFIG, Type.STRING, "", Importance.LOW, MAPPING_SUFFIX_DOC, GROUP_MAPPING, ++order,
                Width.SHORT, "Table name suffix");
        def.define(MAPPING_CASE_CONFIG, Type.STRING, "keep", ConfigDef.CaseInsensitiveValidString.in("keep", "lower", "upper"),
                Importance.LOW, MAPPING_CASE_DOC, GROUP_MAPPING, ++order, Width.SHORT, "Name case");

        order = 0;
        def.define(MIGRATION_TYPES_CONFIG, Type.STRING, "schema,full,incremental", new MigrationTypesValidator(), Importance.HIGH,
                MIGRATION_TYPES_DOC, GROUP_MIGRATION, ++order, Width.MEDIUM, "Migration types");
        def.define(CONFLICT_POLICY_CONFIG, Type.STRING, "fail", ConfigDef.CaseInsensitiveValidString.in("fail", "proceed"),
                Importance.HIGH, CONFLICT_POLICY_DOC, GROUP_MIGRATION, ++order, Width.SHORT, "Conflict policy");
        def.define(SCHEMA_EVENTS_CONFIG, Type.BOOLEAN, false, Importance.LOW, SCHEMA_EVENTS_DOC, GROUP_MIGRATION, ++order,
                Width.SHORT, "Migrate events");
        def.define(SNAPSHOT_CHUNK_ROWS_CONFIG, Type.INT, 2048, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                SNAPSHOT_CHUNK_ROWS_DOC, GROUP_MIGRATION, ++order, Width.SHORT, "Rows per snapshot record");
        def.define(SNAPSHOT_CHUNK_BYTES_CONFIG, Type.INT, 512 * 1024, ConfigDef.Range.between(1024, 256 * 1024 * 1024),
                Importance.LOW, SNAPSHOT_CHUNK_BYTES_DOC, GROUP_MIGRATION, ++order, Width.SHORT, "Bytes per snapshot record");
        def.define(SNAPSHOT_QUEUE_CONFIG, Type.INT, 16, ConfigDef.Range.between(1, 1024), Importance.LOW, SNAPSHOT_QUEUE_DOC,
                GROUP_MIGRATION, ++order, Width.SHORT, "Snapshot read-ahead");

        order = 0;
        def.define(HISTORY_SERVERS_CONFIG, Type.STRING, "", Importance.HIGH, HISTORY_SERVERS_DOC, GROUP_HISTORY, ++order,
                Width.LONG, "History bootstrap servers");
        def.define(HISTORY_TOPIC_CONFIG, Type.STRING, "", Importance.MEDIUM, HISTORY_TOPIC_DOC, GROUP_HISTORY, ++order,
                Width.LONG, "History topic");

        order = 0;
        def.define(PRECHECK_URL_CONFIG, Type.STRING, "", Importance.MEDIUM, PRECHECK_URL_DOC, GROUP_PRECHECK, ++order,
                Width.LONG, "Destination JDBC URL");
        def.define(PRECHECK_USERNAME_CONFIG, Type.STRING, "", Importance.MEDIUM, PRECHECK_USERNAME_DOC, GROUP_PRECHECK, ++order,
                Width.MEDIUM, "Destination user");
        def.define(PRECHECK_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.MEDIUM, PRECHECK_PASSWORD_DOC, GROUP_PRECHECK, ++order,
                Width.MEDIUM, "Destination password");
        def.define(PRECHECK_STATE_DATABASE_CONFIG, Type.STRING, "ferry", Importance.LOW, PRECHECK_STATE_DATABASE_DOC,
                GROUP_PRECHECK, ++order, Width.MEDIUM, "Sink state database");
        def.define(PRECHECK_ACKNOWLEDGED_CONFIG, Type.LIST, "", Importance.MEDIUM, PRECHECK_ACKNOWLEDGED_DOC, GROUP_PRECHECK,
                ++order, Width.LONG, "Acknowledged warnings");
        return def;
    }

    public String hostname() {
        return getString(HOSTNAME_CONFIG);
    }

    public int port() {
        return getInt(PORT_CONFIG);
    }

    public String user() {
        return getString(USER_CONFIG);
    }

    public Password password() {
        return getPassword(PASSWORD_CONFIG);
    }

    public long serverId() {
        return getLong(SERVER_ID_CONFIG);
    }

    public String sslMode() {
        return getString(SSL_MODE_CONFIG).toLowerCase(Locale.ROOT);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX_CONFIG);
    }

    public TableSelection selection() {
        return selection;
    }

    /** What is migrated and under which names: selection, name mapping, row filters. */
    public ObjectMapping mapping() {
        return mapping;
    }

    /**
     * The settings that shape what the destination holds, as one canonical text: selection lists,
     * name mapping and row filters. A running migration must keep them.
     */
    public String mappingSettings() {
        StringBuilder out = new StringBuilder();
        for (String key : List.of(DATABASE_INCLUDE_CONFIG, DATABASE_EXCLUDE_CONFIG, TABLE_INCLUDE_CONFIG, TABLE_EXCLUDE_CONFIG,
                COLUMN_INCLUDE_CONFIG, COLUMN_EXCLUDE_CONFIG)) {
            List<String> values = getList(key).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                out.append(out.length() == 0 ? "" : "; ").append(key).append('=').append(String.join(",", values));
            }
        }
        for (String key : List.of(ROW_FILTERS_CONFIG, MAPPING_DATABASES_CONFIG, MAPPING_TABLES_CONFIG, MAPPING_COLUMNS_CONFIG,
                MAPPING_PREFIX_CONFIG, MAPPING_SUFFIX_CONFIG)) {
            String value = getString(key).trim();
            if (!value.isEmpty()) {
                out.append(out.length() == 0 ? "" : "; ").append(key).append('=').append(value);
            }
        }
        String nameCase = getString(MAPPING_CASE_CONFIG).trim().toLowerCase(Locale.ROOT);
        if (!nameCase.equals("keep")) {
            out.append(out.length() == 0 ? "" : "; ").append(MAPPING_CASE_CONFIG).append('=').append(nameCase);
        }
        return out.toString();
    }

    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** Whether schema migration also creates the events of databases selected as a whole. */
    public boolean migratesEvents() {
        return getBoolean(SCHEMA_EVENTS_CONFIG);
    }

    private static NameRules nameRules(java.util.function.Function<String, String> setting) {
        return NameRules.parse(setting.apply(MAPPING_DATABASES_CONFIG), setting.apply(MAPPING_TABLES_CONFIG),
                setting.apply(MAPPING_COLUMNS_CONFIG), setting.apply(MAPPING_PREFIX_CONFIG), setting.apply(MAPPING_SUFFIX_CONFIG),
                NameCase.parse(setting.apply(MAPPING_CASE_CONFIG)));
    }

    public Set<MigrationType> migrationTypes() {
        return migrationTypes;
    }

    public boolean includes(MigrationType type) {
        return migrationTypes.contains(type);
    }

    public int snapshotChunkRows() {
        return getInt(SNAPSHOT_CHUNK_ROWS_CONFIG);
    }

    public int snapshotChunkBytes() {
        return getInt(SNAPSHOT_CHUNK_BYTES_CONFIG);
    }

    public int snapshotQueueChunks() {
        return getInt(SNAPSHOT_QUEUE_CONFIG);
    }

    public String historyBootstrapServers() {
        return getString(HISTORY_SERVERS_CONFIG);
    }

    public String historyTopic() {
        String topic = getString(HISTORY_TOPIC_CONFIG);
        return topic.isBlank() ? topicPrefix() + ".schema-history" : topic;
    }

    /** The destination JDBC URL for the precheck's cross checks; empty when not configured. */
    public String precheckDestinationUrl() {
        return getString(PRECHECK_URL_CONFIG).trim();
    }

    public String precheckDestinationUsername() {
        return getString(PRECHECK_USERNAME_CONFIG);
    }

    public Password precheckDestinationPassword() {
        return getPassword(PRECHECK_PASSWORD_CONFIG);
    }

    public String precheckStateDatabase() {
        return getString(PRECHECK_STATE_DATABASE_CONFIG);
    }

    /** Ids of precheck warnings that do not block. */
    public Set<String> acknowledgedWarnings() {
        return getList(PRECHECK_ACKNOWLEDGED_CONFIG).stream().map(String::trim).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The topic of Ferry's lifecycle events for this source. */
    public String controlTopic() {
        return topicPrefix() + ".ferry";
    }

    private static final class MigrationTypesValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                MigrationType.parseList((String) value);
            }
            catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "use a comma-separated list of schema, full, incremental (" + e.getMessage() + ")");
            }
        }

        @Override
        public String toString() {
            return "any combination of " + Arrays.toString(MigrationType.values()).toLowerCase(Locale.ROOT);
        }
    }

    private static final class RegexListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> patterns = (List<String>) value;
            for (String pattern : patterns) {
                try {
                    java.util.regex.Pattern.compile(pattern.trim());
                }
                catch (java.util.regex.PatternSyntaxException e) {
                    throw new ConfigException(name, pattern, "not a valid regular expression: " + e.getDescription());
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated regular expressions";
        }
    }

    /** Parses a mapping or filter setting on its own, so a syntax error is reported on that setting. */
    private static final class MappingValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : (String) value;
            try {
                if (name.equals(ROW_FILTERS_CONFIG)) {
                    RowFilters.parse(text);
                }
                else {
                    nameRules(key -> key.equals(name) ? text : key.equals(MAPPING_CASE_CONFIG) ? "keep" : "");
                }
            }
            catch (MappingException e) {
                throw new ConfigException(name, text, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "see the description";
        }
    }

    private static final class TopicPrefixValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String prefix = (String) value;
            if (prefix == null || !prefix.matches("[a-zA-Z0-9._-]+")) {
                throw new ConfigException(name, value, "use only letters, digits, '.', '_' and '-' (it becomes part of topic names)");
            }
        }

        @Override
        public String toString() {
            return "letters, digits, '.', '_', '-'";
        }
    }
}
