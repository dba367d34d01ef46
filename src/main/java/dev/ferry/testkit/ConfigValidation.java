package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code PUT /connector-plugins/{class}/config/validate}.
 *
 * @param json the whole answer, as Connect sent it
 * @param errors the error messages per config key, only for keys that have some
 */
public record ConfigValidation(JsonNode json, Map<String, List<String>> errors) {

    public ConfigValidation {
        errors = Map.copyOf(errors);
    }

    static ConfigValidation from(JsonNode json) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode config : json.path("configs")) {
            JsonNode value = config.path("value");
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(message -> messages.add(message.asText()));
            if (!messages.isEmpty()) {
                errors.put(value.path("name").asText(), List.copyOf(messages));
            }
        }
        return new ConfigValidation(json, errors);
    }

    /** Connect's own {@code error_count}. */
    public int errorCount() {
        return json.path("error_count").asInt();
    }

    public boolean isValid() {
        return errorCount() == 0;
    }

    /** The messages for {@code key}; empty if it has none. */
    public List<String> errorsFor(String key) {
        return errors.getOrDefault(key, List.of());
    }
}
