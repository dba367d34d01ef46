package dev.ferry.core.config;

/**
 * The session settings Ferry's sink runs every destination connection with. Here in {@code core} so
 * the precheck can judge data against what the sink will really use, not the server's defaults.
 */
public final class SinkSession {
    /**
     * {@code STRICT_TRANS_TABLES} so a value the destination cannot hold fails instead of being
     * silently changed; {@code NO_AUTO_VALUE_ON_ZERO} so a 0 in an AUTO_INCREMENT column stays 0;
     * {@code ALLOW_INVALID_DATES} and no {@code NO_ZERO_DATE} / {@code NO_ZERO_IN_DATE} so dates such
     * as {@code 0000-00-00}, which the source holds, are copied as they are; {@code NO_ENGINE_SUBSTITUTION}.
     */
    public static final String SQL_MODE = "STRICT_TRANS_TABLES,NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES,NO_ENGINE_SUBSTITUTION";

    /** TIMESTAMP values travel as UTC literals. */
    public static final String TIME_ZONE = "+00:00";

    private SinkSession() {
    }
}
