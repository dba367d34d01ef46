package dev.ferry.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.cli.PrecheckCommand;
import dev.ferry.testkit.ConfigValidation;
import dev.ferry.testkit.ConnectorConfigFile;
import dev.ferry.testkit.ConnectorStatus;
import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precheck where users meet it: Connect's REST {@code validate}, a task refusing to start, and
 * {@code bin/ferry precheck} on the deployed connector definitions.
 */
@Tag("integration")
class PrecheckConnectIT {
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.builder(Files.createDirectories(Path.of("target", "it", "PrecheckConnectIT"))).start();
        FerryPipeline.createUsers(stack);
        stack.source().execute("CREATE DATABASE pre", "CREATE TABLE pre.keyed (id INT PRIMARY KEY, v VARCHAR(10))",
                "CREATE TABLE pre.events (at DATETIME, what VARCHAR(20))",
                "CREATE USER 'no_repl'@'%' IDENTIFIED BY '" + FerryPipeline.PASSWORD + "'",
                "GRANT SELECT, SHOW VIEW, TRIGGER ON *.* TO 'no_repl'@'%'");
        stack.destination().execute("CREATE DATABASE pre", "CREATE TABLE pre.keyed (id INT PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static FerryPipeline pipeline(String name, String database) {
        return new FerryPipeline(stack, Path.of("connector-config"), name, database);
    }

    private static String destinationUrl() {
        MySqlServer d = stack.destination();
        return "jdbc:mysql://" + d.host() + ":" + d.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    @Test
    void restValidateShowsEachBlockingResultOnTheFieldItConcerns() {
        ConnectorConfigFile source = pipeline("validate", "pre").source(Map.of(
                "database.user", "no_repl",
                "precheck.acknowledged.warnings", "",
                "precheck.destination.url", destinationUrl(),
                "precheck.destination.username", FerryPipeline.SINK_USER,
                "precheck.destination.password", FerryPipeline.PASSWORD));
        Map<String, String> config = new java.util.HashMap<>(source.config());
        config.put("name", source.name());
        ConfigValidation result = stack.rest().validate(source.connectorClass(), config);
        assertThat(result.errorsFor("database.user")).singleElement().asString()
                .startsWith("[source.privilege.replication] FAIL: 'no_repl'@'%' lacks REPLICATION SLAVE and REPLICATION CLIENT")
                .endsWith("Fix: GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'no_repl'@'%';");
        assertThat(result.errorsFor("table.include.list")).hasSize(2).anySatisfy(m -> assertThat(m)
                .startsWith("[source.tables.keyless] WARN").contains("Objects: pre.events."))
                .anySatisfy(m -> assertThat(m).startsWith("[destination.tables.conflict] FAIL").contains("Objects: pre.keyed."));
        assertThat(result.errorsFor("database.hostname")).isEmpty();
        assertThat(result.errors().keySet()).as(result.errors().toString()).containsExactlyInAnyOrder("database.user", "table.include.list");
    }

    @Test
    void aTaskWhosePrecheckFailsStopsWithTheWholeReportAsItsError() throws Exception {
        stack.source().execute("CREATE DATABASE pre_task", "CREATE TABLE pre_task.t (id INT PRIMARY KEY)");
        FerryPipeline pipeline = pipeline("pretask", "pre_task");
        ConnectorConfigFile source = pipeline.source(Map.of());
        stack.rest().createOrUpdate(source.name(), source.config());
        stack.rest().awaitRunning(source.name(), Duration.ofSeconds(60));
        try {
            // A DBA changes the source after the migration was validated; the task's next start refuses it.
            stack.source().execute("SET GLOBAL binlog_row_image = 'MINIMAL'");
            stack.rest().restart(source.name(), true);
            ConnectorStatus.TaskStatus task = awaitTaskFailure(source.name(), Duration.ofSeconds(60));
            assertThat(task.trace())
                    .startsWith("dev.ferry.core.precheck.PrecheckFailedException: The precheck refused to start the migration.")
                    .contains("Ferry precheck: 1 failed", "source.binlog.row_image", "binlog_row_image=MINIMAL",
                            "Fix: SET PERSIST binlog_row_image = 'FULL';", "source.binlog.format", "PASS")
                    .doesNotContain("\tat ");
        }
        finally {
            stack.source().execute("SET GLOBAL binlog_row_image = 'FULL'");
            stack.rest().delete(source.name());
        }
    }

    @Test
    void theCliChecksTheDeployedDefinitionsAndExitsByResult() throws Exception {
        stack.source().execute("CREATE DATABASE pre_cli", "CREATE TABLE pre_cli.t (id INT PRIMARY KEY, v VARCHAR(10))");
        List<String> args = cliArgs("pre_cli");
        Run ok = cli(args);
        Files.writeString(Path.of("target", "it", "PrecheckConnectIT", "cli-report.txt"), ok.out());
        assertThat(ok.status()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("Nothing blocks the migration.", "destination.tables.conflict", "fidelity.charset.4byte");
        assertThat(ok.out().lines().filter(l -> l.startsWith("source.binlog.format")).findFirst().orElseThrow()).contains("PASS");

        List<String> json = new ArrayList<>(args);
        json.add("--json");
        Run machine = cli(json);
        JsonNode report = new ObjectMapper().readTree(machine.out());
        assertThat(machine.status()).isZero();
        assertThat(report.path("blocked").asBoolean()).isFalse();
        assertThat(report.path("results").size()).isEqualTo(39);

        stack.destination().execute("CREATE DATABASE pre_cli", "CREATE TABLE pre_cli.t (id INT PRIMARY KEY)");
        Run conflict = cli(args);
        assertThat(conflict.status()).isEqualTo(1);
        assertThat(conflict.out().lines().filter(l -> l.startsWith("destination.tables.conflict")).findFirst().orElseThrow())
                .contains("FAIL", "pre_cli.t");
        assertThat(conflict.out()).contains("Fix: Drop or rename them on the destination");

        List<String> unreachable = new ArrayList<>(args);
        unreachable.addAll(List.of("--set", "database.port=1"));
        Run down = cli(unreachable);
        assertThat(down.status()).isEqualTo(2);
        assertThat(down.out()).contains("Cannot connect to the source at 127.0.0.1:1");

        assertThat(cli(List.of("connector-config/no-such-file.json")).status()).isEqualTo(2);
    }

    /** Polls the task's status until it is FAILED; fails the test if it is not within {@code timeout}. */
    private static ConnectorStatus.TaskStatus awaitTaskFailure(String connector, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus status = stack.rest().status(connector);
        while (System.nanoTime() < deadline) {
            status = stack.rest().status(connector);
            if (!status.tasks().isEmpty() && status.tasks().get(0).isFailed()) {
                return status.tasks().get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The task of " + connector + " did not fail; last status " + status);
    }

    private static List<String> cliArgs(String database) {
        MySqlServer source = stack.source();
        return new ArrayList<>(List.of("connector-config/mysql-source.json", "connector-config/mysql-sink.json",
                "--set", "database.hostname=" + source.host(), "--set", "database.port=" + source.port(),
                "--set", "database.user=" + FerryPipeline.SOURCE_USER, "--set", "database.password=" + FerryPipeline.PASSWORD,
                "--set", "database.include.list=" + database, "--set", "connection.url=" + destinationUrl(),
                "--set", "connection.username=" + FerryPipeline.SINK_USER, "--set", "connection.password=" + FerryPipeline.PASSWORD));
    }

    private record Run(int status, String out) {
    }

    private static Run cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PrecheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
