package dev.ferry.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP to one base URL; unexpected statuses become {@link ConnectRestException}. */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONFLICT_RETRY = Duration.ofSeconds(60);
    private static final Duration CONFLICT_PAUSE = Duration.ofMillis(250);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    JsonHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    JsonNode call(String method, String path, Object body, int... ok) {
        return parse(check(send(method, path, body), method, path, ok));
    }

    /** Like {@link #call}, but repeats the request while it is answered 409 (rebalance under way). */
    JsonNode callRetryingConflicts(String method, String path, Object body, int... ok) {
        long deadline = System.nanoTime() + CONFLICT_RETRY.toNanos();
        HttpResponse<String> response = send(method, path, body);
        while (response.statusCode() == 409 && System.nanoTime() < deadline) {
            Pause.of(CONFLICT_PAUSE);
            response = send(method, path, body);
        }
        return parse(check(response, method, path, ok));
    }

    JsonNode getUnlessMissing(String path) {
        HttpResponse<String> response = send("GET", path, null);
        return response.statusCode() == 404 ? null : parse(check(response, "GET", path, 200));
    }

    int status(String method, String path) {
        return send(method, path, null).statusCode();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + baseUrl + path, e);
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> response, String method, String path, int... ok) {
        for (int status : ok) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new ConnectRestException(method + " " + path, response.statusCode(), response.body());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON of " + value.getClass().getName(), e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Malformed JSON in answer: " + response.body(), e);
        }
    }
}
