package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector definition in the Connect REST format ({@code {"name": ..., "config": {...}}}), as
 * the files in {@code connector-config/} hold them, with local overrides (addresses, names) applied.
 */
public record ConnectorConfigFile(String name, Map<String, String> config) {

    public ConnectorConfigFile {
        config = Map.copyOf(config);
    }

    public static ConnectorConfigFile read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (!root.path("name").isTextual() || !root.path("config").isObject()) {
                throw new IllegalArgumentException(file + " is not a connector definition: it needs \"name\" and \"config\"");
            }
            Map<String, String> config = new LinkedHashMap<>();
            root.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return new ConnectorConfigFile(root.path("name").asText(), config);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector definition " + file, e);
        }
    }

    public String connectorClass() {
        return config.get("connector.class");
    }

    /** The same definition under another name with some keys replaced. */
    public ConnectorConfigFile with(String newName, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.putAll(overrides);
        return new ConnectorConfigFile(newName, merged);
    }
}
