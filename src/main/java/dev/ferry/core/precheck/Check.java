package dev.ferry.core.precheck;

import dev.ferry.core.config.MigrationType;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * One precheck item: a stable id, the migration types it applies to, the servers it needs, and the
 * logic that turns what the servers say into a {@link CheckResult} with a fix.
 */
public abstract class Check {
    private final String id;
    private final Subject subject;
    private final String title;

    protected Check(String id, Subject subject, String title) {
        this.id = id;
        this.subject = subject;
        this.title = title;
    }

    public final String id() {
        return id;
    }

    public final Subject subject() {
        return subject;
    }

    /** What the check verifies, in one line (README and reports). */
    public final String title() {
        return title;
    }

    /** Whether the check applies to a migration of these types; all of them by default. */
    public boolean appliesTo(Set<MigrationType> types) {
        return true;
    }

    /** Whether the check needs a connection to the source. */
    public boolean needsSource() {
        return true;
    }

    /** Whether the check needs a connection to the destination. */
    public boolean needsDestination() {
        return false;
    }

    /** Whether the check reads table data (bounded queries, but still scans); these do not rerun once a migration started. */
    public boolean scansData() {
        return false;
    }

    /** Runs the check. An SQLException is reported by the runner as a failure to run it. */
    public abstract CheckResult run(PrecheckContext context) throws SQLException;

    protected final CheckResult pass(String detail) {
        return new CheckResult(id, CheckStatus.PASS, detail, List.of(), "", subject);
    }

    protected final CheckResult warn(String detail, List<String> objects, String fix) {
        return new CheckResult(id, CheckStatus.WARN, detail, objects, fix, subject);
    }

    protected final CheckResult fail(String detail, List<String> objects, String fix) {
        return new CheckResult(id, CheckStatus.FAIL, detail, objects, fix, subject);
    }

    /** A data scan that found nothing but could not finish within the time limit on {@code objects}. */
    protected final CheckResult unverified(String found, List<String> objects) {
        return warn(found + " The scan of " + objects.size() + " tables or columns did not finish within the precheck's "
                + "time limit (validate and task start give data scans 30 s in all), so they are not verified.", objects,
                "Run bin/ferry precheck source.json sink.json, which scans without a time limit; then acknowledge: "
                + "precheck.acknowledged.warnings=" + id);
    }

    /** A note for a result that also has objects its scan could not verify in time. */
    protected static String unverifiedNote(List<String> unverified) {
        return unverified.isEmpty() ? "" : " Not verified within the time limit: " + String.join(", ", unverified) + ".";
    }

    protected final CheckResult skipped(String why) {
        return new CheckResult(id, CheckStatus.SKIPPED, why, List.of(), "", subject);
    }
}
