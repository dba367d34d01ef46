package dev.ferry.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Ferry's version, as Maven filtered it into {@code dev/ferry/ferry-version.properties}. */
public final class FerryVersion {
    public static final String VERSION = load();

    private FerryVersion() {
    }

    private static String load() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("/dev/ferry/ferry-version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
