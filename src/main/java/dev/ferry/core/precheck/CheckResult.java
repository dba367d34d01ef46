package dev.ferry.core.precheck;

import java.util.List;
import java.util.Objects;

/**
 * The result of one check.
 *
 * @param id the check's stable id, e.g. {@code source.binlog.format}
 * @param status pass, warn, fail or skipped
 * @param detail what was found (for SKIPPED: why the check did not run)
 * @param objects the tables, columns, users or settings concerned; empty when none
 * @param fix what to do: the exact SQL or server setting; empty for PASS
 * @param subject what the result concerns, for attaching it to a configuration key
 */
public record CheckResult(String id, CheckStatus status, String detail, List<String> objects, String fix, Subject subject) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        objects = List.copyOf(objects);
        fix = fix == null ? "" : fix;
        Objects.requireNonNull(subject, "subject");
    }

    /** Whether this result stops the migration, given the ids of acknowledged warnings. */
    public boolean blocks(java.util.Set<String> acknowledged) {
        return status == CheckStatus.FAIL || (status == CheckStatus.WARN && !acknowledged.contains(id));
    }

    /** The detail, the objects (at most ten) and the fix in one line, for a configuration error message. */
    public String message() {
        StringBuilder text = new StringBuilder("[").append(id).append("] ").append(status).append(": ").append(detail);
        if (!objects.isEmpty()) {
            text.append(" Objects: ").append(String.join(", ", objects.subList(0, Math.min(10, objects.size()))));
            if (objects.size() > 10) {
                text.append(" and ").append(objects.size() - 10).append(" more");
            }
            text.append('.');
        }
        if (!fix.isEmpty()) {
            text.append(" Fix: ").append(fix);
        }
        return text.toString();
    }
}
