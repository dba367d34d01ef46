package dev.ferry.core.precheck;

import dev.ferry.core.precheck.destination.ConflictingTablesCheck;
import dev.ferry.core.precheck.destination.DestinationPrivilegesCheck;
import dev.ferry.core.precheck.destination.DestinationVersionCheck;
import dev.ferry.core.precheck.destination.EngineSupportCheck;
import dev.ferry.core.precheck.destination.FunctionCreatorsCheck;
import dev.ferry.core.precheck.destination.SchemaPrivilegesCheck;
import dev.ferry.core.precheck.destination.FreeSpaceCheck;
import dev.ferry.core.precheck.destination.MaxAllowedPacketCheck;
import dev.ferry.core.precheck.destination.NamesCheck;
import dev.ferry.core.precheck.fidelity.CharsetCheck;
import dev.ferry.core.precheck.fidelity.CollationCheck;
import dev.ferry.core.precheck.fidelity.ColumnCaseCheck;
import dev.ferry.core.precheck.fidelity.ObjectVersionCheck;
import dev.ferry.core.precheck.fidelity.RemovedFeaturesCheck;
import dev.ferry.core.precheck.schema.CascadeCoverageCheck;
import dev.ferry.core.precheck.schema.DefinerSecurityCheck;
import dev.ferry.core.precheck.schema.OutsideReferencesCheck;
import dev.ferry.core.precheck.fidelity.TimeZoneCheck;
import dev.ferry.core.precheck.fidelity.ZeroDateCheck;
import dev.ferry.core.precheck.source.BinlogCompressionCheck;
import dev.ferry.core.precheck.source.BinlogEnabledCheck;
import dev.ferry.core.precheck.source.BinlogFormatCheck;
import dev.ferry.core.precheck.source.BinlogRetentionCheck;
import dev.ferry.core.precheck.source.BinlogRowImageCheck;
import dev.ferry.core.precheck.source.EngineCheck;
import dev.ferry.core.precheck.source.GtidCheck;
import dev.ferry.core.precheck.source.HiddenObjectsPrivilegeCheck;
import dev.ferry.core.precheck.source.KeylessTablesCheck;
import dev.ferry.core.precheck.source.ReplicaUpdatesCheck;
import dev.ferry.core.precheck.source.ReplicationPrivilegesCheck;
import dev.ferry.core.precheck.source.RoutinePrivilegeCheck;
import dev.ferry.core.precheck.source.SelectPrivilegeCheck;
import dev.ferry.core.precheck.source.SelectionExistsCheck;
import dev.ferry.core.precheck.source.ServerIdCheck;
import dev.ferry.core.precheck.source.ShowViewPrivilegeCheck;
import dev.ferry.core.precheck.source.SourceVersionCheck;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the checks that apply to a migration and collects their results into a {@link PrecheckReport}. */
public final class Precheck {

    private Precheck() {
    }

    /** Every check, in report order (the connection checks are reported by whoever opens the connections). */
    public static List<Check> checks() {
        return List.of(
                new SourceVersionCheck(), new SelectionExistsCheck(), new SelectPrivilegeCheck(), new ShowViewPrivilegeCheck(),
                new RoutinePrivilegeCheck(), HiddenObjectsPrivilegeCheck.triggers(), HiddenObjectsPrivilegeCheck.events(),
                new ReplicationPrivilegesCheck(), new BinlogEnabledCheck(), new BinlogFormatCheck(), new BinlogRowImageCheck(),
                new BinlogCompressionCheck(), new ReplicaUpdatesCheck(), new BinlogRetentionCheck(), new ServerIdCheck(),
                new GtidCheck(), new KeylessTablesCheck(), new EngineCheck(),
                new DestinationPrivilegesCheck(), new SchemaPrivilegesCheck(), new FunctionCreatorsCheck(), new EngineSupportCheck(),
                new DestinationVersionCheck(), new FreeSpaceCheck(), new ConflictingTablesCheck(),
                new NamesCheck(), new MaxAllowedPacketCheck(),
                new CharsetCheck(), new CollationCheck(), new ZeroDateCheck(), new TimeZoneCheck(), new ColumnCaseCheck(),
                new RemovedFeaturesCheck(), new ObjectVersionCheck(),
                new OutsideReferencesCheck(), new CascadeCoverageCheck(), new DefinerSecurityCheck());
    }

    /**
     * Runs {@code checks} against {@code context}.
     *
     * @param connections the results of opening the connections ({@link ConnectionCheck}), reported first
     * @param noDestination why cross checks cannot run when the context has no destination
     * @param acknowledged ids of warnings that do not block
     */
    public static PrecheckReport run(PrecheckContext context, List<Check> checks, List<CheckResult> connections,
                                     String noDestination, Set<String> acknowledged) {
        List<CheckResult> results = new ArrayList<>(connections);
        for (Check check : checks) {
            results.add(runOne(context, check, noDestination));
        }
        return new PrecheckReport(results, acknowledged);
    }

    /**
     * Opens the connections of the given sides (either may be null: not configured), runs the checks
     * and closes the connections.
     *
     * @param noDestination why cross checks are skipped when no destination side is given
     */
    public static PrecheckReport execute(Side source, Side destination, PrecheckContext.Builder context, List<Check> checks,
                                         String noDestination, Set<String> acknowledged) {
        List<CheckResult> connections = new ArrayList<>();
        Connection sourceConnection = null;
        Connection destinationConnection = null;
        try {
            if (source != null) {
                sourceConnection = open(source, connections, context::source);
            }
            if (destination != null) {
                destinationConnection = open(destination, connections, context::destination);
            }
            else {
                connections.add(ConnectionCheck.destination("").notConfigured(noDestination));
            }
            String why = destination == null ? noDestination : "The destination is not connected (see destination.connection).";
            return run(context.build(), checks, connections, why, acknowledged);
        }
        finally {
            closeQuietly(sourceConnection);
            closeQuietly(destinationConnection);
        }
    }

    private static Connection open(Side side, List<CheckResult> results, java.util.function.Consumer<Endpoint> use) {
        Connection connection = null;
        try {
            connection = side.opener().open();
            Endpoint endpoint = Endpoint.of(connection, side.where());
            use.accept(endpoint);
            results.add(side.check().passed(endpoint));
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            results.add(side.check().failed(side.where(), side.user(), e));
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                // Only reads ran on it; nothing is lost.
            }
        }
    }

    private static CheckResult runOne(PrecheckContext context, Check check, String noDestination) {
        if (!check.appliesTo(context.types())) {
            return skipped(check, "Does not apply to migration types " + context.types().stream()
                    .map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")) + ".");
        }
        if (check.needsSource() && context.source().isEmpty()) {
            return skipped(check, "The source is not connected (see source.connection); run the precheck with the source "
                    + "connector's configuration.");
        }
        if (check.needsDestination() && context.destination().isEmpty()) {
            return skipped(check, noDestination);
        }
        if (check.scansData() && context.migrationStarted()) {
            return skipped(check, "This migration already started (the connector has offsets); data checks ran before its "
                    + "first start and are not repeated at every task start.");
        }
        try {
            return check.run(context);
        }
        catch (SQLException e) {
            return new CheckResult(check.id(), CheckStatus.FAIL, "The check could not run: MySQL error " + e.getErrorCode()
                    + ": " + e.getMessage(), List.of(), "Grant the user what the statement needs, or fix the cause named "
                    + "in the error, and run the precheck again.", check.subject());
        }
    }

    private static CheckResult skipped(Check check, String why) {
        return new CheckResult(check.id(), CheckStatus.SKIPPED, why, List.of(), "", check.subject());
    }
}
