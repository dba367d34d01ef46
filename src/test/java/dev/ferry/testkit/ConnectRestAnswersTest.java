package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConnectRestAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statusReportsTheFirstFailedTaskWithItsTrace() throws IOException {
        JsonNode answer = JSON.readTree("{\"name\":\"ferry-source\",\"type\":\"source\","
                + "\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\"},"
                + "{\"id\":1,\"state\":\"FAILED\",\"worker_id\":\"127.0.0.1:8083\",\"trace\":\"java.sql.SQLException: boom\"}]}");

        ConnectorStatus status = ConnectorStatus.from(answer);

        assertThat(status.isRunning()).isFalse();
        assertThat(status.tasks()).extracting(ConnectorStatus.TaskStatus::state).containsExactly("RUNNING", "FAILED");
        assertThat(status.failure()).hasValueSatisfying(failure ->
                assertThat(failure).contains("task 1 FAILED").contains("java.sql.SQLException: boom"));
    }

    @Test
    void statusIsRunningOnlyWithTasksAllRunning() throws IOException {
        JsonNode noTasks = JSON.readTree("{\"name\":\"c\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}");
        JsonNode allRunning = JSON.readTree("{\"name\":\"c\",\"connector\":{\"state\":\"RUNNING\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"}]}");

        assertThat(ConnectorStatus.from(noTasks).isRunning()).isFalse();
        assertThat(ConnectorStatus.from(allRunning).isRunning()).isTrue();
        assertThat(ConnectorStatus.from(allRunning).failure()).isEmpty();
    }

    @Test
    void validationListsErrorsPerKey() throws IOException {
        JsonNode answer = JSON.readTree("{\"name\":\"x\",\"error_count\":2,\"groups\":[],\"configs\":["
                + "{\"definition\":{\"name\":\"database.hostname\"},\"value\":{\"name\":\"database.hostname\","
                + "\"value\":null,\"errors\":[\"Missing required configuration\"]}},"
                + "{\"definition\":{\"name\":\"tasks.max\"},\"value\":{\"name\":\"tasks.max\",\"value\":\"1\",\"errors\":[]}},"
                + "{\"definition\":{\"name\":\"binlog\"},\"value\":{\"name\":\"binlog\",\"errors\":[\"Set binlog_format=ROW\"]}}]}");

        ConfigValidation validation = ConfigValidation.from(answer);

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.errorCount()).isEqualTo(2);
        assertThat(validation.errors()).containsOnlyKeys("database.hostname", "binlog");
        assertThat(validation.errorsFor("binlog")).containsExactly("Set binlog_format=ROW");
        assertThat(validation.errorsFor("tasks.max")).isEmpty();
    }
}
