package dev.ferry.core.precheck;

/** The way to change a server variable on each flavor, for fix texts. */
public final class SettingFix {

    private SettingFix() {
    }

    /** How to set a dynamic global variable so it also survives a restart. */
    public static String set(ServerInfo server, String variable, String value) {
        String literal = value.matches("\\d+") ? value : "'" + value + "'";
        return switch (server.flavor()) {
            case AURORA_MYSQL -> "Set " + variable + "=" + value + " in the Aurora DB cluster parameter group and reboot the "
                    + "writer instance (Aurora does not allow SET GLOBAL).";
            case POLARDB_MYSQL -> "Set loose_" + variable + "=" + value + " in the cluster's parameters (PolarDB console, "
                    + "Settings and Management > Parameters).";
            case POLARDB_X -> "Set " + variable + "=" + value + " in the instance's parameter settings (PolarDB-X console).";
            case MYSQL -> server.atLeast(8, 0, 0)
                    ? "SET PERSIST " + variable + " = " + literal + ";"
                    : "SET GLOBAL " + variable + " = " + literal + "; and add " + variable + "=" + value
                      + " under [mysqld] in my.cnf so it survives a restart.";
            case MARIADB -> "SET GLOBAL " + variable + " = " + literal + "; and add " + variable + "=" + value
                    + " under [mysqld] in my.cnf so it survives a restart.";
        };
    }
}
