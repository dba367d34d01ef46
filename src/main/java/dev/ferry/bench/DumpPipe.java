package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.ProcessReaper;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mysqldump --single-transaction | mysql}, the usual baseline for a full copy, with Debian's
 * MariaDB client tools (a MySQL server's generated columns would need {@code --ignore-table}; FLOAT
 * values lose precision and DOUBLE -0 becomes 0 on this path, see TESTING.md). Both processes are
 * metered while they run.
 */
final class DumpPipe {
    private DumpPipe() {
    }

    /** Copies {@code database} from {@code source} to {@code target} (created there by the dump). */
    static void copy(MySqlServer source, MySqlServer target, String database, ProcessMeter meter, Path logDir)
            throws Exception {
        ProcessBuilder dump = new ProcessBuilder(BenchTools.path("mysqldump"), "--host=" + source.host(),
                "--port=" + source.port(), "--user=" + source.rootUser(), "--skip-ssl", "--single-transaction",
                "--quick", "--extended-insert", "--hex-blob", "--skip-lock-tables", "--skip-triggers",
                "--max-allowed-packet=64M", "--net-buffer-length=1048576", "--databases", database)
                .redirectError(logDir.resolve("mysqldump.err").toFile());
        ProcessBuilder load = new ProcessBuilder(BenchTools.path("mysql"), "--host=" + target.host(),
                "--port=" + target.port(), "--user=" + target.rootUser(), "--skip-ssl", "--max-allowed-packet=64M")
                .redirectError(logDir.resolve("mysql.err").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        logDir.toFile().mkdirs();
        List<Process> processes = ProcessBuilder.startPipeline(List.of(dump, load));
        processes.forEach(ProcessReaper::register);
        if (meter != null) {
            meter.watchNew("mysqldump", processes.get(0).pid());
            meter.watchNew("mysql client", processes.get(1).pid());
        }
        for (Process process : processes) {
            while (process.isAlive()) {
                if (meter != null) {
                    meter.sample();
                }
                Thread.sleep(100);
            }
        }
        check(processes.get(0), "mysqldump", logDir.resolve("mysqldump.err").toFile());
        check(processes.get(1), "mysql", logDir.resolve("mysql.err").toFile());
    }

    private static void check(Process process, String name, File errors) throws Exception {
        if (process.exitValue() != 0) {
            String text = java.nio.file.Files.readString(errors.toPath());
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "): "
                    + text.substring(Math.max(0, text.length() - 1000)));
        }
    }
}
