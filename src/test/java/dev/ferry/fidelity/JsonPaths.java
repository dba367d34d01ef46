package dev.ferry.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Every path of a JSON document's text, in MySQL's path syntax ({@code $."name"[0]}), read with
 * Jackson: the fidelity suite asks each server for {@code JSON_TYPE} at each of them without going
 * through Ferry's own JSON code.
 */
final class JsonPaths {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonPaths() {
    }

    /**
     * Adds the paths of {@code json} below its root to {@code paths}.
     *
     * @param emptyNames whether to include paths under an empty member name (MySQL 5.7 cannot address them)
     */
    static void collect(String json, boolean emptyNames, Collection<String> paths) {
        try {
            walk(MAPPER.readTree(json), "$", emptyNames, paths);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void walk(JsonNode node, String path, boolean emptyNames, Collection<String> paths) throws JsonProcessingException {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getKey().isEmpty() && !emptyNames) {
                    continue;
                }
                String child = path + "." + MAPPER.writeValueAsString(member.getKey());
                paths.add(child);
                walk(member.getValue(), child, emptyNames, paths);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                paths.add(child);
                walk(node.get(i), child, emptyNames, paths);
            }
        }
    }
}
