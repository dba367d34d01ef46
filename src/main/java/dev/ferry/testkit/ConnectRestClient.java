package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A thin client of the Kafka Connect REST API. Failed calls throw {@link ConnectRestException} with
 * the HTTP status and body. Writes answered 409 (a rebalance is under way) are retried for a while.
 */
public final class ConnectRestClient {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STALE_FAILURE_WAIT = Duration.ofSeconds(10);

    private final JsonHttp http;

    /** A client of the worker at {@code restUrl}, e.g. {@code http://127.0.0.1:8083}. */
    public ConnectRestClient(String restUrl) {
        this.http = new JsonHttp(restUrl);
    }

    /** {@code GET /}: version, commit and Kafka cluster id of the worker. */
    public JsonNode serverInfo() {
        return http.call("GET", "/", null, 200);
    }

    /** {@code GET /health} answers 200: the worker has started and joined its group. */
    public boolean isHealthy() {
        return http.status("GET", "/health") == 200;
    }

    /** Class names of the connector plugins; with {@code connectorsOnly} false also converters and transforms. */
    public List<String> pluginClasses(boolean connectorsOnly) {
        List<String> classes = new ArrayList<>();
        http.call("GET", "/connector-plugins?connectorsOnly=" + connectorsOnly, null, 200)
                .forEach(plugin -> classes.add(plugin.path("class").asText()));
        return classes;
    }

    /** Names of the connectors on the cluster. */
    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        http.call("GET", "/connectors", null, 200).forEach(name -> names.add(name.asText()));
        return names;
    }

    /** {@code PUT /connectors/{name}/config}: creates the connector or replaces its config. */
    public JsonNode createOrUpdate(String name, Map<String, String> config) {
        return http.callRetryingConflicts("PUT", connectorPath(name) + "/config", config, 200, 201);
    }

    /** Creates or updates the connector described in {@code file}, in the REST format {"name", "config"}. */
    public JsonNode createFromFile(Path file) {
        return createFromFile(file, Map.of());
    }

    /**
     * Like {@link #createFromFile(Path)}, after replacing each {@code ${KEY}} in the name and the
     * config values with {@code placeholders.get(KEY)}.
     *
     * @throws IllegalArgumentException if the file names a placeholder without a value
     */
    public JsonNode createFromFile(Path file, Map<String, String> placeholders) {
        JsonNode definition = readJson(file);
        if (!definition.path("name").isTextual() || !definition.path("config").isObject()) {
            throw new IllegalArgumentException(file + " must hold {\"name\": \"...\", \"config\": {...}}");
        }
        String name = Placeholders.resolve(definition.get("name").asText(), placeholders);
        Map<String, String> config = new HashMap<>();
        JsonNode values = definition.get("config");
        values.fieldNames().forEachRemaining(key ->
                config.put(key, Placeholders.resolve(configValue(file, key, values.get(key)), placeholders)));
        return createOrUpdate(name, config);
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}; adds {@code connector.class} if missing. */
    public ConfigValidation validate(String connectorClass, Map<String, String> config) {
        Map<String, String> withClass = new HashMap<>(config);
        withClass.putIfAbsent("connector.class", connectorClass);
        String path = "/connector-plugins/" + encode(connectorClass) + "/config/validate";
        return ConfigValidation.from(http.call("PUT", path, withClass, 200));
    }

    /** {@code GET /connectors/{name}/status}. */
    public ConnectorStatus status(String name) {
        return ConnectorStatus.from(http.call("GET", connectorPath(name) + "/status", null, 200));
    }

    /** {@code GET /connectors/{name}/config}. */
    public JsonNode config(String name) {
        return http.call("GET", connectorPath(name) + "/config", null, 200);
    }

    /** {@code GET /connectors/{name}/offsets}: the offsets Connect has committed for the connector. */
    public JsonNode offsets(String name) {
        return http.call("GET", connectorPath(name) + "/offsets", null, 200);
    }

    /**
     * Waits until the connector and all its tasks are RUNNING.
     *
     * @throws ConnectorFailedException at once when the connector or a task is FAILED, with its trace
     * @throws IllegalStateException when {@code timeout} passes first, with the last status seen
     */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus last = null;
        while (System.nanoTime() < deadline) {
            JsonNode json = http.getUnlessMissing(connectorPath(name) + "/status");
            last = json == null ? null : ConnectorStatus.from(json);
            if (last != null && last.failure().isPresent()) {
                throw new ConnectorFailedException(last, last.failure().get());
            }
            if (last != null && last.isRunning()) {
                return last;
            }
            Pause.of(POLL_INTERVAL);
        }
        throw new IllegalStateException("Connector " + name + " not RUNNING after " + timeout.toSeconds()
                + " s; last status: " + (last == null ? "not found" : last));
    }

    /** {@code DELETE /connectors/{name}}. */
    public void delete(String name) {
        http.callRetryingConflicts("DELETE", connectorPath(name), null, 200, 204);
    }

    /** {@code PUT /connectors/{name}/pause}. */
    public void pause(String name) {
        http.callRetryingConflicts("PUT", connectorPath(name) + "/pause", null, 202);
    }

    /** {@code PUT /connectors/{name}/resume}. */
    public void resume(String name) {
        http.callRetryingConflicts("PUT", connectorPath(name) + "/resume", null, 202);
    }

    /**
     * {@code POST /connectors/{name}/restart}, of the connector alone or with all its tasks. Returns
     * once the status no longer shows a failure from before the restart (at most 10 s), so that a
     * following {@link #awaitRunning} does not fail on a stale FAILED state.
     */
    public void restart(String name, boolean includeTasks) {
        boolean wasFailed = status(name).failure().isPresent();
        String path = connectorPath(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=false";
        http.callRetryingConflicts("POST", path, null, 200, 202, 204);
        long deadline = System.nanoTime() + STALE_FAILURE_WAIT.toNanos();
        while (wasFailed && System.nanoTime() < deadline && status(name).failure().isPresent()) {
            Pause.of(POLL_INTERVAL);
        }
    }

    private static String configValue(Path file, String key, JsonNode value) {
        if (value.isNull() || value.isContainerNode()) {
            throw new IllegalArgumentException(file + ": config value of " + key + " must be a string, number or boolean");
        }
        return value.asText();
    }

    private static String connectorPath(String name) {
        return "/connectors/" + encode(name);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode readJson(Path file) {
        try {
            return JsonHttp.JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector definition " + file, e);
        }
    }
}
