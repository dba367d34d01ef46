package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Debian tools the bench drives: {@code sysbench} and {@code mariadb-client}; installed when missing. */
final class BenchTools {

    private static final List<String[]> REQUIRED = List.of(
            new String[] {"sysbench", "sysbench"},
            new String[] {"mysqldump", "mariadb-client"},
            new String[] {"mysql", "mariadb-client"});

    private BenchTools() {
    }

    /** Installs the missing packages with apt-get when running as root; otherwise fails naming the command to run. */
    static void ensureInstalled(BenchLog log) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String[] tool : REQUIRED) {
            if (find(tool[0]) == null && !missing.contains(tool[1])) {
                missing.add(tool[1]);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || find("apt-get") == null) {
            throw new IllegalStateException("The bench needs " + missing + ": run 'sudo apt-get install -y "
                    + String.join(" ", missing) + "' and try again.");
        }
        log.say("Installing %s from Debian (apt-get)...", String.join(" ", missing));
        run(List.of("apt-get", "update", "-qq"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
        install.addAll(missing);
        run(install);
    }

    static String path(String tool) {
        String found = find(tool);
        if (found == null) {
            throw new IllegalStateException(tool + " is not installed");
        }
        return found;
    }

    private static String find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
