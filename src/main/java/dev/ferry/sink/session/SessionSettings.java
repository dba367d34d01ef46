package dev.ferry.sink.session;

import dev.ferry.core.config.SinkSession;

/**
 * The session every sink connection runs with, set once when the connection opens.
 *
 * <ul>
 *   <li>{@code foreign_key_checks=0}: tables arrive in any order and rows of one table in key order,
 *       not in the order constraints would need.</li>
 *   <li>{@code time_zone='+00:00'}: TIMESTAMP values arrive as UTC literals.</li>
 *   <li>A fixed {@code sql_mode}, whatever the server's default:
 *       {@code STRICT_TRANS_TABLES} so a value the destination cannot hold fails instead of being
 *       silently changed; {@code NO_AUTO_VALUE_ON_ZERO} so a 0 in an AUTO_INCREMENT column stays 0
 *       instead of becoming a new id; {@code ALLOW_INVALID_DATES} and no {@code NO_ZERO_DATE} /
 *       {@code NO_ZERO_IN_DATE} so dates such as {@code 0000-00-00}, which the source holds and MySQL
 *       8.0's default mode refuses, are copied as they are; {@code NO_ENGINE_SUBSTITUTION}. Nothing
 *       else of the server's mode (ANSI_QUOTES, PAD_CHAR_TO_FULL_LENGTH, ...) can change how the
 *       sink's statements read.</li>
 * </ul>
 */
public final class SessionSettings {
    public static final String SQL_MODE = SinkSession.SQL_MODE;

    public static final String INIT_SQL = "SET SESSION foreign_key_checks = 0, time_zone = '" + SinkSession.TIME_ZONE + "', sql_mode = '"
            + SQL_MODE + "'";

    private SessionSettings() {
    }
}
