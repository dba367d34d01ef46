package dev.ferry.core.precheck;

/**
 * Thrown when a precheck blocks a task from starting. Its message is the whole report table; it
 * carries no stack trace, so Connect's task status shows the report and nothing else.
 */
public final class PrecheckFailedException extends RuntimeException {

    public PrecheckFailedException(PrecheckReport report) {
        super("The precheck refused to start the migration.\n" + report.table(), null, false, false);
    }
}
