package dev.ferry.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** Polls a readiness check while making sure the process being waited for is still alive. */
final class StartupWait {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 40;

    /** A readiness check; throwing counts as not ready yet. */
    interface Check {
        boolean ready() throws Exception;
    }

    private final String name;
    private final ChildProcess process;
    private final Duration timeout;

    StartupWait(String name, ChildProcess process, Duration timeout) {
        this.name = name;
        this.process = process;
        this.timeout = timeout;
    }

    /**
     * Returns once {@code check} passes; throws with the tails of {@code logs} and of the process's
     * own output if the process dies or time runs out.
     */
    void until(Check check, Path... logs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerStartException(name + " exited with code " + process.exitValue()
                        + " while starting:" + tails(logs), lastFailure);
            }
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            Pause.of(POLL_INTERVAL);
        }
        throw new ServerStartException(name + " did not become ready within " + timeout.toSeconds()
                + " s:" + tails(logs), lastFailure);
    }

    private String tails(Path... logs) {
        Path[] all = Arrays.copyOf(logs, logs.length + 1);
        all[logs.length] = process.output();
        return LogTail.of(LOG_TAIL_LINES, all);
    }
}
