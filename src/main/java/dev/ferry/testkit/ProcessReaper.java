package dev.ferry.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Kills every child process still running when the JVM exits, so no server outlives a test run. */
public final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "ferry-testkit-reaper"));
    }

    private ProcessReaper() {
    }

    /** Kills {@code process} and its descendants if it still runs when the JVM exits. */
    public static void register(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    private static void killAll() {
        for (Process process : LIVE) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
