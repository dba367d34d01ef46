package dev.ferry.cli;

import dev.ferry.core.precheck.CheckStatus;
import dev.ferry.core.precheck.Precheck;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.PrecheckReport;
import dev.ferry.core.precheck.Side;
import dev.ferry.core.precheck.Subject;
import dev.ferry.sink.FerrySinkConfig;
import dev.ferry.sink.SinkPrecheck;
import dev.ferry.source.FerrySourceConfig;
import dev.ferry.source.SourcePrecheck;
import dev.ferry.testkit.ConnectorConfigFile;
import org.apache.kafka.common.config.ConfigException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ferry precheck <connector files...> [--json] [--set key=value ...]}: runs the precheck
 * from the same connector definitions that are deployed (the source's and/or the sink's, told apart
 * by {@code connector.class}). With both, every check runs, the destination taken from the sink.
 * Exit status: 0 nothing blocks (acknowledged warnings allowed), 1 a failure or an unacknowledged
 * warning, 2 unusable input (a file that cannot be read or parsed, a server that cannot be reached).
 */
public final class PrecheckCommand {
    static final int OK = 0;
    static final int BLOCKED = 1;
    static final int UNUSABLE = 2;
    private static final String SOURCE_CLASS = "dev.ferry.source.FerrySourceConnector";
    private static final String SINK_CLASS = "dev.ferry.sink.FerrySinkConnector";

    private final PrintStream out;
    private final PrintStream err;

    public PrecheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        boolean json = false;
        List<Path> files = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--json")) {
                json = true;
            }
            else if (arg.equals("--set") && i + 1 < args.size() && args.get(i + 1).contains("=")) {
                String pair = args.get(++i);
                overrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            else if (arg.startsWith("-")) {
                return usage("Unknown option " + arg);
            }
            else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            return usage("Give at least one connector definition file.");
        }
        try {
            PrecheckReport report = report(files, overrides);
            out.println(json ? report.json() : report.table());
            return unreachable(report) ? UNUSABLE : report.exitCode();
        }
        catch (UnusableInputException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
    }

    private PrecheckReport report(List<Path> files, Map<String, String> overrides) {
        FerrySourceConfig source = null;
        FerrySinkConfig sink = null;
        for (Path file : files) {
            ConnectorConfigFile definition = read(file, overrides);
            String connectorClass = String.valueOf(definition.connectorClass());
            try {
                if (connectorClass.equals(SOURCE_CLASS)) {
                    source = new FerrySourceConfig(definition.config());
                }
                else if (connectorClass.equals(SINK_CLASS)) {
                    Map<String, String> props = new LinkedHashMap<>(definition.config());
                    props.putIfAbsent(FerrySinkConfig.NAME_CONFIG, definition.name());
                    sink = new FerrySinkConfig(props);
                }
                else {
                    throw new UnusableInputException(file + ": connector.class is '" + connectorClass + "', not " + SOURCE_CLASS
                            + " or " + SINK_CLASS + ".");
                }
            }
            catch (ConfigException e) {
                throw new UnusableInputException(file + ": " + e.getMessage());
            }
        }
        if (source == null) {
            return SinkPrecheck.run(sink);
        }
        Side destination = sink != null ? SinkPrecheck.destinationSide(sink) : SourcePrecheck.destinationSide(source);
        PrecheckContext.Builder context = SourcePrecheck.context(source, false);
        Set<String> acknowledged = new HashSet<>(source.acknowledgedWarnings());
        if (sink != null) {
            context.stateDatabase(sink.stateDatabase());
            acknowledged.addAll(sink.acknowledgedWarnings());
        }
        String noDestination = "No destination: give the sink's definition too (bin/ferry precheck source.json sink.json) "
                + "or set precheck.destination.url in the source's.";
        return Precheck.execute(SourcePrecheck.sourceSide(source), destination, context, Precheck.checks(), noDestination, acknowledged);
    }

    private static ConnectorConfigFile read(Path file, Map<String, String> overrides) {
        try {
            ConnectorConfigFile definition = ConnectorConfigFile.read(file);
            return overrides.isEmpty() ? definition : definition.with(definition.name(), overrides);
        }
        catch (UncheckedIOException | IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
    }

    /** Whether a server could not be reached at all (not a refused login, which is a failure with a fix). */
    private static boolean unreachable(PrecheckReport report) {
        return report.results().stream().anyMatch(r -> r.status() == CheckStatus.FAIL && r.id().endsWith(".connection")
                && (r.subject() == Subject.SOURCE_CONNECTION || r.subject() == Subject.DESTINATION_CONNECTION));
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("Usage: bin/ferry precheck <connector definition files...> [--json] [--set key=value ...]");
        return UNUSABLE;
    }

    private static final class UnusableInputException extends RuntimeException {
        UnusableInputException(String message) {
            super(message);
        }
    }
}
