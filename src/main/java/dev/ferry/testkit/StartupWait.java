package dev.ferry.testkit;

import java.nio.file.Path;
import java.time.Duration;

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

    /** Returns once {@code check} passes; throws with the log tail if the process dies or time runs out. */
    void until(Check check, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerStartException(name + " exited with code " + process.exitValue()
                        + " while starting; " + LogTail.of(log, LOG_TAIL_LINES), lastFailure);
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
                + " s; " + LogTail.of(log, LOG_TAIL_LINES), lastFailure);
    }
}
