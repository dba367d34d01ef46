package dev.ferry.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path of the Kafka and Connect processes the test kit starts, and the place to find the
 * jars that carry the MySQL server binaries.
 *
 * <p>The source of truth is {@code target/test-classpath.txt} below the project directory, written
 * by the build; without it, the {@code java.class.path} of the current JVM.
 */
public final class RuntimeClasspath {

    static final String CLASSPATH_FILE = "target/test-classpath.txt";

    /** Path fragments of entries that belong to Ferry's Connect plugin or to tests, never to Kafka. */
    private static final List<String> NOT_FOR_KAFKA = List.of(
            "/io/debezium/", "/com/mysql/", "/com/zaxxer/", "/com/facebook/presto/",
            "/org/junit/", "/org/assertj/", "/org/opentest4j/", "/org/apiguardian/",
            "/org/testcontainers/");

    private final List<Path> entries;

    /** Reads the class path for the project rooted at {@code projectDir}. */
    public RuntimeClasspath(Path projectDir) {
        this.entries = parse(read(projectDir.resolve(CLASSPATH_FILE)));
    }

    /** The class path of the project in the current working directory. */
    public static RuntimeClasspath ofWorkingDirectory() {
        return new RuntimeClasspath(Path.of("").toAbsolutePath());
    }

    /** All entries, in class path order. */
    public List<Path> entries() {
        return entries;
    }

    /** Entries for the Kafka broker and Connect worker: everything but plugin, driver and test jars. */
    public List<Path> kafkaEntries() {
        return entries.stream().filter(e -> belongsToKafka(e.toString())).collect(Collectors.toList());
    }

    /** {@link #kafkaEntries()} joined into a {@code -cp} argument. */
    public String kafkaClasspath() {
        return kafkaEntries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The first jar whose file name contains {@code artifactIdFragment}.
     *
     * @throws IllegalStateException if no entry matches
     */
    public Path jarContaining(String artifactIdFragment) {
        return entries.stream()
                .filter(e -> e.getFileName().toString().contains(artifactIdFragment))
                .filter(e -> e.getFileName().toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jar named like '" + artifactIdFragment
                        + "' on the class path; run `mvn generate-test-resources` to write " + CLASSPATH_FILE));
    }

    static boolean belongsToKafka(String entry) {
        String path = entry.replace('\\', '/');
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.endsWith("target/classes") || trimmed.endsWith("target/test-classes")) {
            return false;
        }
        return NOT_FOR_KAFKA.stream().noneMatch(path::contains);
    }

    static List<Path> parse(String classpath) {
        return Arrays.stream(classpath.trim().split(File.pathSeparator))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .collect(Collectors.toUnmodifiableList());
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return System.getProperty("java.class.path", "");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
