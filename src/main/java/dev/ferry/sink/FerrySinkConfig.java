package dev.ferry.sink;

import dev.ferry.sink.write.DdlErrorPolicy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sink connector's configuration: {@link #CONFIG_DEF} defines every key, and an instance is the
 * parsed, typed and immutable form a task works with.
 */
public final class FerrySinkConfig {
    public static final String CONNECTION_GROUP = "Connection";
    public static final String WRITES_GROUP = "Writes";
    public static final String ERRORS_GROUP = "Errors";
    public static final String PRECHECK_GROUP = "Precheck";

    public static final String CONNECTION_URL_CONFIG = "connection.url";
    public static final String CONNECTION_URL_DOC = "JDBC URL of the destination MySQL server, for example "
            + "jdbc:mysql://db.example.com:3306/. Ferry adds the Connector/J properties it relies on when the URL "
            + "does not set them: useServerPrepStmts=false (multi-row statements as text, which MySQL runs faster; values stay exact), "
            + "characterEncoding=UTF-8 and connectionCollation=utf8mb4_bin, and allowPublicKeyRetrieval=true "
            + "when the URL sets neither sslMode nor allowPublicKeyRetrieval.";
    public static final String CONNECTION_URL_DISPLAY = "JDBC URL";

    public static final String CONNECTION_USERNAME_CONFIG = "connection.username";
    public static final String CONNECTION_USERNAME_DOC = "MySQL user the sink connects as. It needs SELECT, INSERT, "
            + "UPDATE, DELETE and CREATE on the destination databases and on the state database; for schema migration also "
            + "REFERENCES (foreign keys), CREATE VIEW, CREATE ROUTINE, ALTER ROUTINE, TRIGGER and EVENT; for DDL replay "
            + "ALTER, INDEX and DROP (TRUNCATE and DROP TABLE).";
    public static final String CONNECTION_USERNAME_DISPLAY = "User";

    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    public static final String CONNECTION_PASSWORD_DOC = "Password of the MySQL user.";
    public static final String CONNECTION_PASSWORD_DISPLAY = "Password";

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String BATCH_SIZE_DOC = "Most rows written by one statement (one multi-row REPLACE, INSERT or "
            + "key DELETE). Statements also stay below 65,535 parameters and the destination's max_allowed_packet.";
    public static final String BATCH_SIZE_DISPLAY = "Rows per statement";
    public static final int BATCH_SIZE_DEFAULT = 1000;

    public static final String TRANSACTION_MAX_ROWS_CONFIG = "transaction.max.rows";
    public static final String TRANSACTION_MAX_ROWS_DOC = "Rows after which the sink commits, even in the middle of "
            + "the records of one put() call. Each commit also records the progress it covers, so a smaller value "
            + "only means smaller transactions, never duplicates.";
    public static final String TRANSACTION_MAX_ROWS_DISPLAY = "Rows per transaction";
    public static final int TRANSACTION_MAX_ROWS_DEFAULT = 50_000;

    public static final String TRANSACTION_MAX_BYTES_CONFIG = "transaction.max.bytes";
    public static final String TRANSACTION_MAX_BYTES_DOC = "Bytes of change batches (as they arrived from Kafka) after "
            + "which the sink decodes no more of a put() call's records before committing what it holds. This bounds the "
            + "worker's memory with wide rows: a put() can carry consumer.override.max.poll.records records of up to "
            + "512 KiB each. A smaller value only means smaller transactions, never duplicates.";
    public static final String TRANSACTION_MAX_BYTES_DISPLAY = "Bytes per transaction";
    public static final int TRANSACTION_MAX_BYTES_DEFAULT = 32 * 1024 * 1024;

    public static final String TABLE_AUTO_CREATE_CONFIG = "table.auto.create";
    public static final String TABLE_AUTO_CREATE_DOC = "Create a missing destination table (and its database) from the "
            + "source table's definition: exact column types, character sets, collations, generated columns and "
            + "the key. When false, a missing table fails the task.";
    public static final String TABLE_AUTO_CREATE_DISPLAY = "Create missing tables";
    public static final boolean TABLE_AUTO_CREATE_DEFAULT = true;

    public static final String LOAD_DATA_CONFIG = "load.data";
    public static final String LOAD_DATA_DOC = "Write runs of whole rows (snapshot chunks, large batches) with LOAD DATA "
            + "LOCAL INFILE streamed from the worker's memory, in the same transaction as the progress row: the fastest way "
            + "into MySQL. A load that reports any warning (a value the destination would change, a duplicate key) is "
            + "rolled back and its rows written with statements, which store them exactly or fail naming the table. "
            + "Needs local_infile=ON on the destination (MySQL 8.0 defaults to OFF); when the destination refuses, the sink "
            + "says so once in its log and writes with statements. When true, Ferry adds allowLoadLocalInfile=true to "
            + "connection.url (unless the URL sets it) and hands Connector/J its rows as a stream, never a file.";
    public static final String LOAD_DATA_DISPLAY = "Load rows with LOAD DATA";
    public static final boolean LOAD_DATA_DEFAULT = true;

    public static final String LOAD_DATA_MIN_ROWS_CONFIG = "load.data.min.rows";
    public static final String LOAD_DATA_MIN_ROWS_DOC = "Fewest rows of one table the sink writes with one LOAD DATA; "
            + "shorter runs go as multi-row statements (a load costs a savepoint and more round trips).";
    public static final String LOAD_DATA_MIN_ROWS_DISPLAY = "Fewest rows per load";
    public static final int LOAD_DATA_MIN_ROWS_DEFAULT = 32;

    public static final String STATE_DATABASE_CONFIG = "state.database";
    public static final String STATE_DATABASE_DOC = "Database on the destination server that holds the sink's progress "
            + "table, sink_progress, and its cascade ledger, cascade_ledger. Created if missing. Progress commits with the rows, "
            + "which is what makes the sink exactly once; do not point two Ferry deployments with the same connector name at the same database.";
    public static final String STATE_DATABASE_DISPLAY = "State database";
    public static final String STATE_DATABASE_DEFAULT = "ferry";

    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String MAX_RETRIES_DOC = "How many times in a row the sink retries after a transient error "
            + "(lost connection, lock wait timeout, deadlock) before the task fails. Data errors are never retried.";
    public static final String MAX_RETRIES_DISPLAY = "Retries";
    public static final int MAX_RETRIES_DEFAULT = 10;

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MS_DOC = "Milliseconds to wait before retrying after a transient error.";
    public static final String RETRY_BACKOFF_MS_DISPLAY = "Retry backoff (ms)";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 3000L;

    public static final String DDL_ERROR_POLICY_CONFIG = "ddl.error.policy";
    public static final String DDL_ERROR_POLICY_DOC = "What the sink does when a DDL statement replayed from the source's "
            + "binlog fails on the destination: 'fail' stops the task with the statement and the error (nothing is dropped "
            + "silently); 'skip' logs both as a WARN and continues, as the managed services do. An error saying the "
            + "statement's effect is already there (after a crash between the statement and its progress) counts as applied.";
    public static final String DDL_ERROR_POLICY_DISPLAY = "DDL error policy";
    public static final String DDL_ERROR_POLICY_DEFAULT = "fail";

    public static final String DDL_DEPENDENCY_WAIT_MS_CONFIG = "ddl.dependency.wait.ms";
    public static final String DDL_DEPENDENCY_WAIT_MS_DOC = "How long a replayed view statement may wait for a "
            + "table or column it names that the destination does not have yet (that table's own DDL travels on the table's "
            + "topic, which the sink may read later than the database's objects topic). The statement is tried again every "
            + "retry.backoff.ms while the sink goes on with other topics; after this long ddl.error.policy decides.";
    public static final String DDL_DEPENDENCY_WAIT_MS_DISPLAY = "DDL dependency wait (ms)";
    public static final long DDL_DEPENDENCY_WAIT_MS_DEFAULT = 300_000L;

    public static final String PRECHECK_ACKNOWLEDGED_CONFIG = "precheck.acknowledged.warnings";
    public static final String PRECHECK_ACKNOWLEDGED_DOC = "Ids of precheck warnings that do not block the sink from starting. "
            + "A failure cannot be acknowledged.";
    public static final String PRECHECK_ACKNOWLEDGED_DISPLAY = "Acknowledged warnings";

    /** Kafka Connect's own keys, read from the same connector configuration. */
    public static final String NAME_CONFIG = "name";
    public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String connectorName;
    private final String connectionUrl;
    private final String username;
    private final Password password;
    private final int batchSize;
    private final int transactionMaxRows;
    private final int transactionMaxBytes;
    private final int loadDataMinRows;
    private final boolean tableAutoCreate;
    private final boolean loadData;
    private final String stateDatabase;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final boolean toleratesBadRecords;
    private final Set<String> acknowledgedWarnings;
    private final DdlErrorPolicy ddlErrorPolicy;
    private final Duration ddlDependencyWait;

    public FerrySinkConfig(Map<String, String> props) {
        Map<String, Object> parsed = CONFIG_DEF.parse(props);
        this.connectorName = props.get(NAME_CONFIG);
        if (connectorName == null || connectorName.isBlank()) {
            throw new ConfigException(NAME_CONFIG, connectorName, "The connector needs a name: it keys the progress table");
        }
        this.connectionUrl = (String) parsed.get(CONNECTION_URL_CONFIG);
        this.username = (String) parsed.get(CONNECTION_USERNAME_CONFIG);
        this.password = (Password) parsed.get(CONNECTION_PASSWORD_CONFIG);
        this.batchSize = (Integer) parsed.get(BATCH_SIZE_CONFIG);
        this.transactionMaxRows = (Integer) parsed.get(TRANSACTION_MAX_ROWS_CONFIG);
        this.transactionMaxBytes = (Integer) parsed.get(TRANSACTION_MAX_BYTES_CONFIG);
        this.loadDataMinRows = (Integer) parsed.get(LOAD_DATA_MIN_ROWS_CONFIG);
        this.tableAutoCreate = (Boolean) parsed.get(TABLE_AUTO_CREATE_CONFIG);
        this.loadData = (Boolean) parsed.get(LOAD_DATA_CONFIG);
        this.stateDatabase = (String) parsed.get(STATE_DATABASE_CONFIG);
        this.maxRetries = (Integer) parsed.get(MAX_RETRIES_CONFIG);
        this.retryBackoff = Duration.ofMillis((Long) parsed.get(RETRY_BACKOFF_MS_CONFIG));
        this.ddlErrorPolicy = DdlErrorPolicy.valueOf(((String) parsed.get(DDL_ERROR_POLICY_CONFIG)).trim().toUpperCase(Locale.ROOT));
        this.ddlDependencyWait = Duration.ofMillis((Long) parsed.get(DDL_DEPENDENCY_WAIT_MS_CONFIG));
        @SuppressWarnings("unchecked")
        List<String> acknowledged = (List<String>) parsed.get(PRECHECK_ACKNOWLEDGED_CONFIG);
        this.acknowledgedWarnings = acknowledged.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.toleratesBadRecords = "all".equals(props.getOrDefault(ERRORS_TOLERANCE_CONFIG, "none").trim().toLowerCase(Locale.ROOT));
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONNECTION_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, CONNECTION_URL_DOC, CONNECTION_GROUP, ++order, Width.LONG, CONNECTION_URL_DISPLAY);
        def.define(CONNECTION_USERNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, CONNECTION_USERNAME_DOC, CONNECTION_GROUP, ++order, Width.MEDIUM, CONNECTION_USERNAME_DISPLAY);
        def.define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.HIGH, CONNECTION_PASSWORD_DOC,
                CONNECTION_GROUP, ++order, Width.MEDIUM, CONNECTION_PASSWORD_DISPLAY);
        order = 0;
        def.define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 65_535), Importance.MEDIUM,
                BATCH_SIZE_DOC, WRITES_GROUP, ++order, Width.SHORT, BATCH_SIZE_DISPLAY);
        def.define(TRANSACTION_MAX_ROWS_CONFIG, Type.INT, TRANSACTION_MAX_ROWS_DEFAULT, Range.atLeast(1), Importance.MEDIUM,
                TRANSACTION_MAX_ROWS_DOC, WRITES_GROUP, ++order, Width.SHORT, TRANSACTION_MAX_ROWS_DISPLAY);
        def.define(TRANSACTION_MAX_BYTES_CONFIG, Type.INT, TRANSACTION_MAX_BYTES_DEFAULT, Range.atLeast(1), Importance.LOW,
                TRANSACTION_MAX_BYTES_DOC, WRITES_GROUP, ++order, Width.SHORT, TRANSACTION_MAX_BYTES_DISPLAY);
        def.define(TABLE_AUTO_CREATE_CONFIG, Type.BOOLEAN, TABLE_AUTO_CREATE_DEFAULT, Importance.MEDIUM,
                TABLE_AUTO_CREATE_DOC, WRITES_GROUP, ++order, Width.SHORT, TABLE_AUTO_CREATE_DISPLAY);
        def.define(LOAD_DATA_CONFIG, Type.BOOLEAN, LOAD_DATA_DEFAULT, Importance.MEDIUM,
                LOAD_DATA_DOC, WRITES_GROUP, ++order, Width.SHORT, LOAD_DATA_DISPLAY);
        def.define(LOAD_DATA_MIN_ROWS_CONFIG, Type.INT, LOAD_DATA_MIN_ROWS_DEFAULT, Range.atLeast(1), Importance.LOW,
                LOAD_DATA_MIN_ROWS_DOC, WRITES_GROUP, ++order, Width.SHORT, LOAD_DATA_MIN_ROWS_DISPLAY);
        def.define(STATE_DATABASE_CONFIG, Type.STRING, STATE_DATABASE_DEFAULT, databaseName(), Importance.LOW,
                STATE_DATABASE_DOC, WRITES_GROUP, ++order, Width.MEDIUM, STATE_DATABASE_DISPLAY);
        order = 0;
        def.define(MAX_RETRIES_CONFIG, Type.INT, MAX_RETRIES_DEFAULT, Range.atLeast(0), Importance.MEDIUM,
                MAX_RETRIES_DOC, ERRORS_GROUP, ++order, Width.SHORT, MAX_RETRIES_DISPLAY);
        def.define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.between(0L, Duration.ofHours(1).toMillis()),
                Importance.MEDIUM, RETRY_BACKOFF_MS_DOC, ERRORS_GROUP, ++order, Width.SHORT, RETRY_BACKOFF_MS_DISPLAY);
        def.define(DDL_ERROR_POLICY_CONFIG, Type.STRING, DDL_ERROR_POLICY_DEFAULT, ConfigDef.CaseInsensitiveValidString.in("fail", "skip"),
                Importance.MEDIUM, DDL_ERROR_POLICY_DOC, ERRORS_GROUP, ++order, Width.SHORT, DDL_ERROR_POLICY_DISPLAY);
        def.define(DDL_DEPENDENCY_WAIT_MS_CONFIG, Type.LONG, DDL_DEPENDENCY_WAIT_MS_DEFAULT,
                Range.between(0L, Duration.ofDays(1).toMillis()), Importance.LOW, DDL_DEPENDENCY_WAIT_MS_DOC, ERRORS_GROUP, ++order,
                Width.SHORT, DDL_DEPENDENCY_WAIT_MS_DISPLAY);
        order = 0;
        def.define(PRECHECK_ACKNOWLEDGED_CONFIG, Type.LIST, "", Importance.MEDIUM, PRECHECK_ACKNOWLEDGED_DOC, PRECHECK_GROUP,
                ++order, Width.LONG, PRECHECK_ACKNOWLEDGED_DISPLAY);
        return def;
    }

    private static ConfigDef.Validator databaseName() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String s = (String) value;
            if (s == null || s.isBlank() || s.length() > 64 || s.endsWith(" ")) {
                throw new ConfigException(name, value, "A MySQL database name: 1 to 64 characters, not ending in a space");
            }
        }, () -> "a MySQL database name (1 to 64 characters)");
    }

    public String connectorName() {
        return connectorName;
    }

    public String connectionUrl() {
        return connectionUrl;
    }

    public String username() {
        return username;
    }

    /** The password, or null when none is configured. */
    public Password password() {
        return password;
    }

    public int batchSize() {
        return batchSize;
    }

    public int transactionMaxRows() {
        return transactionMaxRows;
    }

    public DdlErrorPolicy ddlErrorPolicy() {
        return ddlErrorPolicy;
    }

    /** How long a replayed view statement may wait for the tables it names. */
    public Duration ddlDependencyWait() {
        return ddlDependencyWait;
    }

    public boolean tableAutoCreate() {
        return tableAutoCreate;
    }

    /** Whether runs of rows are tried with LOAD DATA LOCAL INFILE before statements. */
    public boolean loadData() {
        return loadData;
    }

    public int loadDataMinRows() {
        return loadDataMinRows;
    }

    public int transactionMaxBytes() {
        return transactionMaxBytes;
    }

    public String stateDatabase() {
        return stateDatabase;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** Ids of precheck warnings that do not block. */
    public Set<String> acknowledgedWarnings() {
        return acknowledgedWarnings;
    }

    /** Whether {@code errors.tolerance=all}: bad records go to the errant record reporter instead of failing the task. */
    public boolean toleratesBadRecords() {
        return toleratesBadRecords;
    }
}
