package dev.ferry.core.precheck.destination;

/** Test access to the grant pattern matching. */
public final class DestinationPrivilegesCheckAccess {

    private DestinationPrivilegesCheckAccess() {
    }

    public static boolean likeMatches(String pattern, String name) {
        return DestinationPrivilegesCheck.likeMatches(pattern, name);
    }
}
