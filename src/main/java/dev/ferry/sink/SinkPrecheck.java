package dev.ferry.sink;

import dev.ferry.core.config.MigrationType;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.ConnectionCheck;
import dev.ferry.core.precheck.DestinationConnection;
import dev.ferry.core.precheck.Precheck;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.core.precheck.Side;
import dev.ferry.core.precheck.Subject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The precheck as the sink runs it: the checks that need only the destination (connection, and the
 * privileges on the state database). The sink does not know the source's selection; the checks that
 * compare the two run in the source connector or in {@code bin/ferry precheck}.
 */
public final class SinkPrecheck {
    /** Configuration key each subject's results are attached to in {@code validate()}. */
    static final Map<Subject, String> FIELDS = Map.of(
            Subject.DESTINATION_CONNECTION, FerrySinkConfig.CONNECTION_URL_CONFIG,
            Subject.DESTINATION_USER, FerrySinkConfig.STATE_DATABASE_CONFIG,
            Subject.DESTINATION_SERVER, FerrySinkConfig.CONNECTION_URL_CONFIG);

    private SinkPrecheck() {
    }

    public static PrecheckReport run(FerrySinkConfig config) {
        List<Check> destinationOnly = Precheck.checks().stream().filter(c -> !c.needsSource()).toList();
        PrecheckContext.Builder context = PrecheckContext.builder(Set.of(MigrationType.values()),
                new TableSelection(List.of(), List.of(), List.of())).stateDatabase(config.stateDatabase());
        return Precheck.execute(null, destinationSide(config), context, destinationOnly, "", config.acknowledgedWarnings());
    }

    /** The destination as the sink's keys name it. */
    public static Side destinationSide(FerrySinkConfig config) {
        String password = config.password() == null ? null : config.password().value();
        return new Side(() -> DestinationConnection.open(config.connectionUrl(), config.username(), password),
                DestinationConnection.where(config.connectionUrl()), config.username(), ConnectionCheck.destination(
                        FerrySinkConfig.CONNECTION_URL_CONFIG + ", " + FerrySinkConfig.CONNECTION_USERNAME_CONFIG + ", "
                        + FerrySinkConfig.CONNECTION_PASSWORD_CONFIG));
    }

    /** The field a blocking result is reported on; an access denial goes on the user. */
    static String field(dev.ferry.core.precheck.CheckResult result) {
        if (result.id().equals(ConnectionCheck.DESTINATION_ID) && result.subject() == Subject.DESTINATION_USER) {
            return FerrySinkConfig.CONNECTION_USERNAME_CONFIG;
        }
        return FIELDS.getOrDefault(result.subject(), FerrySinkConfig.CONNECTION_URL_CONFIG);
    }
}
