package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.ProcessReaper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sysbench's OLTP scripts against one database of a server: {@code prepare} creates the
 * sysbench-shaped tables ({@code id} primary key, {@code k} indexed, {@code c} CHAR(120), {@code pad}
 * CHAR(60)); {@code oltp_write_only} runs at a fixed rate or open loop.
 */
final class Sysbench {
    private static final Pattern TPS = Pattern.compile("transactions:\\s+(\\d+)\\s+\\((\\d+(?:\\.\\d+)?) per sec");

    private final MySqlServer server;
    private final String database;
    private final int tables;
    private final int rowsPerTable;
    private final Path logDir;

    /** The outcome of a run: transactions done and their rate as sysbench measured it. */
    record Result(long transactions, double perSecond) {
    }

    Sysbench(MySqlServer server, String database, int tables, int rowsPerTable, Path logDir) {
        this.server = server;
        this.database = database;
        this.tables = tables;
        this.rowsPerTable = rowsPerTable;
        this.logDir = logDir;
    }

    /** Creates the database and fills its tables. */
    void prepare() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        Process process = start("oltp_common", List.of("--threads=" + Math.min(tables, 2)), "prepare", "prepare");
        finish(process, "prepare");
    }

    /** Starts {@code oltp_write_only}; {@code rate} 0 is open loop; stops after {@code seconds} or {@code events}. */
    Process startWriteOnly(int rate, int seconds, long events) throws IOException {
        List<String> options = new ArrayList<>(List.of("--threads=4", "--rate=" + rate, "--time=" + seconds,
                "--events=" + events, "--report-interval=0", "--db-ps-mode=auto"));
        return start("oltp_write_only", options, "run", "write-only");
    }

    /** Waits for a run to end and reads its transactions from the output; fails with the log if it failed. */
    Result finish(Process process, String what) throws Exception {
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("sysbench " + what + " did not end");
        }
        Path log = logDir.resolve("sysbench-" + what + ".log");
        String output = Files.exists(log) ? Files.readString(log) : "";
        if (process.exitValue() != 0) {
            throw new IllegalStateException("sysbench " + what + " failed (exit " + process.exitValue() + "): "
                    + output.substring(Math.max(0, output.length() - 1500)));
        }
        Matcher matcher = TPS.matcher(output);
        return matcher.find() ? new Result(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)))
                : new Result(0, 0);
    }

    private Process start(String script, List<String> extra, String command, String what) throws IOException {
        List<String> args = new ArrayList<>(List.of(BenchTools.path("sysbench"), script,
                "--db-driver=mysql", "--mysql-host=" + server.host(), "--mysql-port=" + server.port(),
                "--mysql-user=" + server.rootUser(), "--mysql-db=" + database, "--mysql-ssl=off",
                "--tables=" + tables, "--table-size=" + rowsPerTable));
        args.addAll(extra);
        args.add(command);
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("sysbench-" + what + ".log").toFile()).start();
        ProcessReaper.register(process);
        return process;
    }
}
