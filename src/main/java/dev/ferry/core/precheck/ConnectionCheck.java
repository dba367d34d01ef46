package dev.ferry.core.precheck;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code source.connection} and {@code destination.connection}: the result of opening the
 * connection, which whoever opens it reports here (the other checks need that connection).
 */
public final class ConnectionCheck {
    public static final String SOURCE_ID = "source.connection";
    public static final String DESTINATION_ID = "destination.connection";
    private static final int ACCESS_DENIED = 1045;

    private final String id;
    private final String side;
    private final Subject connectionSubject;
    private final Subject userSubject;
    private final String settings;

    private ConnectionCheck(String id, String side, Subject connectionSubject, Subject userSubject, String settings) {
        this.id = id;
        this.side = side;
        this.connectionSubject = connectionSubject;
        this.userSubject = userSubject;
        this.settings = settings;
    }

    /** @param settings the configuration keys that name the source connection, for the fix text */
    public static ConnectionCheck source(String settings) {
        return new ConnectionCheck(SOURCE_ID, "source", Subject.SOURCE_CONNECTION, Subject.SOURCE_USER, settings);
    }

    /** @param settings the configuration keys that name the destination connection, for the fix text */
    public static ConnectionCheck destination(String settings) {
        return new ConnectionCheck(DESTINATION_ID, "destination", Subject.DESTINATION_CONNECTION, Subject.DESTINATION_USER, settings);
    }

    public CheckResult passed(Endpoint endpoint) {
        return new CheckResult(id, CheckStatus.PASS, "Connected to the " + side + " at " + endpoint.where() + " as "
                + endpoint.account() + "; detected " + endpoint.server().description() + ".", List.of(), "", connectionSubject);
    }

    public CheckResult failed(String where, String user, SQLException e) {
        if (e.getErrorCode() == ACCESS_DENIED || "28000".equals(e.getSQLState())) {
            return new CheckResult(id, CheckStatus.FAIL, "The " + side + " at " + where + " refused user '" + user + "': "
                    + e.getMessage(), List.of("'" + user + "'"), "Check the user name and password (" + settings
                    + "), and that the account may connect from this host: CREATE USER '" + user
                    + "'@'<this host or %>' IDENTIFIED BY '...'; then grant what the other checks list.", userSubject);
        }
        return new CheckResult(id, CheckStatus.FAIL, "Cannot connect to the " + side + " at " + where + ": "
                + e.getMessage(), List.of(where), "Check the host and port (" + settings + "), that the server runs, "
                + "and that its firewall or security group accepts connections from this host.", connectionSubject);
    }

    /** Not configured at all: the report says so and how to provide it. */
    public CheckResult notConfigured(String why) {
        return new CheckResult(id, CheckStatus.SKIPPED, why, List.of(), "", connectionSubject);
    }
}
