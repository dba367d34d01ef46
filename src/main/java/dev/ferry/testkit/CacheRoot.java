package dev.ferry.testkit;

import java.nio.file.Path;

/** The test kit's shared cache: system property {@code ferry.cache.dir}, else {@code ~/.cache/ferry}. */
final class CacheRoot {

    private CacheRoot() {
    }

    static Path dir() {
        String configured = System.getProperty("ferry.cache.dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "ferry");
    }
}
