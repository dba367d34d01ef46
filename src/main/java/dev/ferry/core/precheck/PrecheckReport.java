package dev.ferry.core.precheck;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The results of one precheck run. A result blocks the migration when it FAILs, or WARNs and its id
 * is not among the acknowledged ones. Renders as a table for people and as JSON for machines.
 */
public final class PrecheckReport {
    private static final int MAX_OBJECTS_SHOWN = 20;

    private final List<CheckResult> results;
    private final Set<String> acknowledged;

    public PrecheckReport(List<CheckResult> results, Set<String> acknowledged) {
        this.results = List.copyOf(results);
        this.acknowledged = Set.copyOf(acknowledged);
    }

    public List<CheckResult> results() {
        return results;
    }

    /** The result of check {@code id}; throws when the report has none. */
    public CheckResult result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + id));
    }

    public List<CheckResult> blocking() {
        return results.stream().filter(r -> r.blocks(acknowledged)).toList();
    }

    public boolean blocked() {
        return !blocking().isEmpty();
    }

    public boolean isAcknowledged(CheckResult result) {
        return result.status() == CheckStatus.WARN && acknowledged.contains(result.id());
    }

    /** {@code bin/ferry precheck}'s exit status: 0 when nothing blocks (acknowledged warnings allowed), 1 otherwise. */
    public int exitCode() {
        return blocked() ? 1 : 0;
    }

    public String summary() {
        long failed = count(CheckStatus.FAIL);
        long warned = count(CheckStatus.WARN);
        long acked = results.stream().filter(this::isAcknowledged).count();
        return "Ferry precheck: " + failed + " failed, " + warned + " warning" + (warned == 1 ? "" : "s")
                + (acked > 0 ? " (" + acked + " acknowledged)" : "") + ", " + count(CheckStatus.PASS) + " passed, "
                + count(CheckStatus.SKIPPED) + " skipped. " + (blocked()
                ? "The migration cannot start: fix each FAIL, and fix or acknowledge each WARN (precheck.acknowledged.warnings)."
                : "Nothing blocks the migration.");
    }

    private long count(CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** The table: one line per check (id, result, objects), then its detail and fix, indented. */
    public String table() {
        int idWidth = Math.max(2, results.stream().mapToInt(r -> r.id().length()).max().orElse(2));
        StringBuilder out = new StringBuilder(summary()).append("\n\n");
        out.append(pad("ID", idWidth)).append("  ").append(pad("RESULT", 9)).append("  OBJECTS\n");
        for (CheckResult r : results) {
            String status = isAcknowledged(r) ? "WARN(ack)" : r.status().name();
            out.append(pad(r.id(), idWidth)).append("  ").append(pad(status, 9)).append("  ").append(objects(r)).append('\n');
            out.append(" ".repeat(4)).append(r.detail()).append('\n');
            if (!r.fix().isEmpty()) {
                out.append(" ".repeat(4)).append("Fix: ").append(r.fix()).append('\n');
            }
        }
        return out.toString();
    }

    private static String objects(CheckResult r) {
        if (r.objects().isEmpty()) {
            return "-";
        }
        List<String> shown = r.objects().subList(0, Math.min(MAX_OBJECTS_SHOWN, r.objects().size()));
        String more = r.objects().size() > shown.size() ? " (+" + (r.objects().size() - shown.size()) + " more)" : "";
        return String.join(", ", shown) + more;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** The report as one JSON object: {@code blocked}, {@code exit_code}, {@code summary}, {@code results}. */
    public String json() {
        StringBuilder out = new StringBuilder("{\"blocked\":").append(blocked()).append(",\"exit_code\":").append(exitCode())
                .append(",\"summary\":").append(quote(summary())).append(",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            out.append(i == 0 ? "" : ",").append("{\"id\":").append(quote(r.id()))
                    .append(",\"status\":").append(quote(r.status().name().toLowerCase(Locale.ROOT)))
                    .append(",\"acknowledged\":").append(isAcknowledged(r))
                    .append(",\"blocks\":").append(r.blocks(acknowledged))
                    .append(",\"subject\":").append(quote(r.subject().name().toLowerCase(Locale.ROOT)))
                    .append(",\"detail\":").append(quote(r.detail()))
                    .append(",\"objects\":[").append(r.objects().stream().map(PrecheckReport::quote).collect(Collectors.joining(",")))
                    .append("],\"fix\":").append(quote(r.fix())).append('}');
        }
        return out.append("]}").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
