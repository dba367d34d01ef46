package dev.ferry.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Ferry's version, as Maven wrote it into {@code /dev/ferry/ferry-version.properties} at build time. */
public final class FerryVersion {
    private static final String RESOURCE = "/dev/ferry/ferry-version.properties";
    private static final String VERSION = load();

    private FerryVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = FerryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
