package dev.ferry.core.precheck.fidelity;

import dev.ferry.core.precheck.CatalogTable;
import dev.ferry.core.precheck.Check;
import dev.ferry.core.precheck.CheckResult;
import dev.ferry.core.precheck.Endpoint;
import dev.ferry.core.precheck.PrecheckContext;
import dev.ferry.core.precheck.ServerVariables;
import dev.ferry.core.precheck.SettingFix;
import dev.ferry.core.precheck.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code fidelity.timezone}: Ferry reads TIMESTAMP values in a UTC session and writes them in a UTC
 * session, so the stored instants are copied exactly whatever the servers' time zones. What can
 * still shift is what applications see: a TIMESTAMP is shown in the session's time zone, which
 * defaults to the server's {@code time_zone}. This check compares the two servers' defaults when
 * the selection has TIMESTAMP columns.
 */
public final class TimeZoneCheck extends Check {

    public TimeZoneCheck() {
        super("fidelity.timezone", Subject.DESTINATION_SERVER,
                "Source and destination default time_zone agree when TIMESTAMP columns are migrated");
    }

    @Override
    public boolean needsDestination() {
        return true;
    }

    @Override
    public CheckResult run(PrecheckContext context) throws SQLException {
        List<String> columns = context.sourceTables().values().stream()
                .flatMap(t -> t.columns().stream().filter(c -> c.dataType().equals("timestamp")).map(c -> t.id() + "." + c.name()))
                .toList();
        if (columns.isEmpty()) {
            return pass("No selected column is a TIMESTAMP; DATE and DATETIME values are copied as written, without time zones.");
        }
        Zone source = zone(context.src());
        Zone destination = zone(context.dst());
        String copied = "Ferry reads and writes TIMESTAMP values in UTC sessions on both servers, so the " + columns.size()
                + " TIMESTAMP columns are copied as the same instants.";
        if (source.name().equals(destination.name()) || source.offsetMinutes() == destination.offsetMinutes()
                && source.fixed() && destination.fixed()) {
            return pass(copied + " Both servers' default time_zone is " + source + ", so applications read the same values.");
        }
        return warn(copied + " But the servers' default time zones differ (source " + source + ", destination "
                + destination + "): applications that use the default session time zone will read these columns "
                + (destination.offsetMinutes() - source.offsetMinutes()) + " minutes apart after cutover, and NOW() "
                + "differs in their statements.", columns.size() > 20 ? columns.subList(0, 20) : columns,
                "Give the destination the source's default: " + SettingFix.set(context.dst().server(), "time_zone", source.portable())
                + (source.portable().contains("/") ? " (a named zone needs the time zone tables: mysql_tzinfo_to_sql "
                + "/usr/share/zoneinfo | mysql -u root mysql)" : source.fixed() ? "" : " (the source follows its system "
                + "zone " + source.setting() + "; to follow its daylight saving time too, use the matching named zone, "
                + "e.g. 'Europe/Berlin', after loading the time zone tables)") + " Or set the applications' session "
                + "time_zone explicitly; then acknowledge: precheck.acknowledged.warnings=" + id());
    }

    private record Zone(String name, String setting, int offsetMinutes, boolean fixed) {
        @Override
        public String toString() {
            return name + " (UTC" + (offsetMinutes >= 0 ? "+" : "") + offsetMinutes + " min now)";
        }

        /** A value SET time_zone accepts on any server: a named zone as is, otherwise the current offset. */
        String portable() {
            if (setting.contains("/") || setting.matches("[+-]\\d{1,2}:\\d{2}")) {
                return setting;
            }
            int abs = Math.abs(offsetMinutes);
            return String.format(java.util.Locale.ROOT, "%s%02d:%02d", offsetMinutes < 0 ? "-" : "+", abs / 60, abs % 60);
        }
    }

    private static Zone zone(Endpoint endpoint) throws SQLException {
        String global = ServerVariables.global(endpoint.connection(), "time_zone");
        String setting = global;
        String name = global;
        if ("SYSTEM".equalsIgnoreCase(global)) {
            name = "SYSTEM=" + ServerVariables.global(endpoint.connection(), "system_time_zone");
            setting = ServerVariables.global(endpoint.connection(), "system_time_zone");
        }
        int offset;
        try (Statement s = endpoint.connection().createStatement()) {
            s.execute("SET @ferry_precheck_tz = @@session.time_zone, time_zone = @@global.time_zone");
            try (ResultSet rs = s.executeQuery("SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW())")) {
                rs.next();
                offset = rs.getInt(1);
            }
            s.execute("SET time_zone = @ferry_precheck_tz");
        }
        boolean fixed = setting != null && (setting.matches("[+-]\\d{1,2}:\\d{2}") || setting.equalsIgnoreCase("UTC"));
        if (fixed && offset == 0) {
            name = "UTC";
        }
        return new Zone(name, setting == null ? "+00:00" : setting, offset, fixed);
    }
}
