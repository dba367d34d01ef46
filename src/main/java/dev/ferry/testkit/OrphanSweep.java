package dev.ferry.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a record of each child process and the JVM that started it, so that servers left running by
 * a JVM that was killed outright (no shutdown hook ran) are killed by the next JVM using the kit.
 * A record names the child by pid and start time, so a reused pid is never mistaken for it.
 */
final class OrphanSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);
    private static final OrphanSweep SHARED = new OrphanSweep(CacheRoot.dir().resolve("children"));

    private final Path dir;
    private final AtomicBoolean swept = new AtomicBoolean();

    OrphanSweep(Path dir) {
        this.dir = dir;
    }

    static OrphanSweep shared() {
        return SHARED;
    }

    /** Records {@code child} until it exits; the first call in a JVM sweeps older records first. */
    void record(Process child) {
        if (swept.compareAndSet(false, true)) {
            sweep();
        }
        Path record = dir.resolve(String.valueOf(child.pid()));
        ProcessHandle self = ProcessHandle.current();
        try {
            Files.createDirectories(dir);
            Files.writeString(record, self.pid() + " " + startMillis(self) + " " + startMillis(child.toHandle()));
        } catch (IOException e) {
            LOG.warn("Cannot record child process {} in {}: {}", child.pid(), dir, e.toString());
        }
        child.onExit().thenRun(() -> deleteQuietly(record));
    }

    /** Kills the recorded children whose JVM is gone, and forgets every record of a dead JVM. */
    void sweep() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir)) {
            for (Path record : records) {
                try {
                    sweep(record);
                } catch (NumberFormatException e) {
                    deleteQuietly(record);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read child process records in {}: {}", dir, e.toString());
        }
    }

    private void sweep(Path record) throws IOException {
        String[] fields = Files.readString(record).trim().split(" ");
        if (fields.length != 3) {
            throw new NumberFormatException("not a child process record");
        }
        if (isAlive(Long.parseLong(fields[0]), Long.parseLong(fields[1]))) {
            return;
        }
        long childPid = Long.parseLong(record.getFileName().toString());
        find(childPid, Long.parseLong(fields[2])).ifPresent(orphan -> {
            LOG.warn("Killing process {} ({}) left running by test JVM {}, which is gone",
                    childPid, orphan.info().command().orElse("?"), fields[0]);
            orphan.destroyForcibly();
        });
        deleteQuietly(record);
    }

    private static boolean isAlive(long pid, long startMillis) {
        return find(pid, startMillis).isPresent();
    }

    private static Optional<ProcessHandle> find(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> startMillis(h) == startMillis);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static void deleteQuietly(Path record) {
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", record, e.toString());
        }
    }
}
