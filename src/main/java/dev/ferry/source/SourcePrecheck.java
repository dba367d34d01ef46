package dev.ferry.source;

import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.ConnectionCheck;
import dev.ferry.core.precheck.DestinationConnection;
import dev.ferry.core.precheck.Precheck;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.core.precheck.Side;
import dev.ferry.core.precheck.Subject;
import dev.ferry.core.config.MigrationType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The precheck as the source connector runs it: against the source, and against the destination
 * when {@code precheck.destination.url} is set, under the migration's object mapping and conflict policy.
 */
public final class SourcePrecheck {
    static final String NO_DESTINATION = "No destination is configured for the source's precheck "
            + "(precheck.destination.url), so the checks comparing source and destination did not run: set "
            + "precheck.destination.url, precheck.destination.username and precheck.destination.password, or run "
            + "bin/ferry precheck source.json sink.json.";

    /** Configuration key each subject's results are attached to in {@code validate()}. */
    static final Map<Subject, String> FIELDS = Map.of(
            Subject.SOURCE_CONNECTION, FerrySourceConfig.HOSTNAME_CONFIG,
            Subject.SOURCE_USER, FerrySourceConfig.USER_CONFIG,
            Subject.SOURCE_SERVER, FerrySourceConfig.HOSTNAME_CONFIG,
            Subject.SOURCE_SERVER_ID, FerrySourceConfig.SERVER_ID_CONFIG,
            Subject.SELECTION, FerrySourceConfig.TABLE_INCLUDE_CONFIG,
            Subject.DESTINATION_CONNECTION, FerrySourceConfig.PRECHECK_URL_CONFIG,
            Subject.DESTINATION_USER, FerrySourceConfig.PRECHECK_USERNAME_CONFIG,
            Subject.DESTINATION_SERVER, FerrySourceConfig.PRECHECK_URL_CONFIG);

    private SourcePrecheck() {
    }

    /** Data scans in validate() and at task start share this much time, well within Connect's 90 s for a REST call. */
    static final Duration SCAN_BUDGET = Duration.ofSeconds(30);

    /** Runs every applicable check, the data scans within {@link #SCAN_BUDGET}. */
    public static PrecheckReport run(FerrySourceConfig config, boolean migrationStarted) {
        return Precheck.execute(sourceSide(config), destinationSide(config),
                context(config, migrationStarted).scanBudget(SCAN_BUDGET), Precheck.checks(), NO_DESTINATION,
                config.acknowledgedWarnings());
    }

    /** Runs {@code checks} against the source alone (no destination connection). */
    public static PrecheckReport runOnSource(FerrySourceConfig config, boolean migrationStarted, List<Check> checks) {
        return Precheck.execute(sourceSide(config), null, context(config, migrationStarted), checks, NO_DESTINATION,
                config.acknowledgedWarnings());
    }

    /** The context of a migration configured by {@code config}: its types, selection, server id and mapping inputs. */
    public static PrecheckContext.Builder context(FerrySourceConfig config, boolean migrationStarted) {
        return PrecheckContext.builder(config.migrationTypes(), config.selection())
                .readerServerId(config.includes(MigrationType.INCREMENTAL) ? config.serverId() : null)
                .mapping(config.mapping())
                .conflictPolicy(config.conflictPolicy())
                .stateDatabase(config.precheckStateDatabase())
                .migrationStarted(migrationStarted)
                .migratesEvents(config.migratesEvents());
    }

    public static Side sourceSide(FerrySourceConfig config) {
        SourceConnections connections = new SourceConnections(config);
        return new Side(connections::open, config.hostname() + ":" + config.port(), config.user(),
                ConnectionCheck.source(FerrySourceConfig.HOSTNAME_CONFIG + ", " + FerrySourceConfig.PORT_CONFIG + ", "
                        + FerrySourceConfig.USER_CONFIG + ", " + FerrySourceConfig.PASSWORD_CONFIG));
    }

    /** The destination from the precheck keys; null when not configured. */
    public static Side destinationSide(FerrySourceConfig config) {
        String url = config.precheckDestinationUrl();
        if (url.isEmpty()) {
            return null;
        }
        String user = config.precheckDestinationUsername();
        String password = config.precheckDestinationPassword() == null ? null : config.precheckDestinationPassword().value();
        return new Side(() -> DestinationConnection.open(url, user, password), DestinationConnection.where(url), user,
                ConnectionCheck.destination(FerrySourceConfig.PRECHECK_URL_CONFIG + ", " + FerrySourceConfig.PRECHECK_USERNAME_CONFIG
                        + ", " + FerrySourceConfig.PRECHECK_PASSWORD_CONFIG));
    }
}
