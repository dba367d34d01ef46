package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /connectors/{name}/status}.
 *
 * @param name connector name
 * @param state connector state: UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED or RESTARTING
 * @param workerId the worker running the connector
 * @param trace stack trace if FAILED, else null
 * @param tasks one entry per task
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    /**
     * The status of one task.
     *
     * @param id task number
     * @param state task state, as for connectors
     * @param workerId the worker running the task
     * @param trace stack trace if FAILED, else null
     */
    public record TaskStatus(int id, String state, String workerId, String trace) {

        public boolean isFailed() {
            return "FAILED".equals(state);
        }
    }

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    static ConnectorStatus from(JsonNode json) {
        JsonNode connector = json.path("connector");
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new TaskStatus(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), textOrNull(task.get("trace"))));
        }
        return new ConnectorStatus(json.path("name").asText(), connector.path("state").asText(),
                connector.path("worker_id").asText(), textOrNull(connector.get("trace")), tasks);
    }

    /** The connector and at least one task run, and no task is in another state. */
    public boolean isRunning() {
        return "RUNNING".equals(state) && !tasks.isEmpty()
                && tasks.stream().allMatch(task -> "RUNNING".equals(task.state()));
    }

    /** The first failure, connector before tasks, with its stack trace. */
    public Optional<String> failure() {
        if ("FAILED".equals(state)) {
            return Optional.of("connector FAILED on " + workerId + ":\n" + trace);
        }
        return tasks.stream()
                .filter(TaskStatus::isFailed)
                .findFirst()
                .map(task -> "task " + task.id() + " FAILED on " + task.workerId() + ":\n" + task.trace());
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
