package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanSweepTest {

    @Test
    void killsChildrenOfAJvmThatIsGoneAndSparesOthers(@TempDir Path records) throws Exception {
        Process orphan = new ProcessBuilder("sleep", "60").start();
        Process ours = new ProcessBuilder("sleep", "60").start();
        try {
            writeRecord(records, orphan, exitedPid(), 1L);
            writeRecord(records, ours, ProcessHandle.current().pid(), startMillis(ProcessHandle.current()));

            new OrphanSweep(records).sweep();

            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ours.isAlive()).isTrue();
            assertThat(records.resolve(String.valueOf(orphan.pid()))).doesNotExist();
            assertThat(records.resolve(String.valueOf(ours.pid()))).exists();
        } finally {
            orphan.destroyForcibly();
            ours.destroyForcibly();
        }
    }

    @Test
    void forgetsUnreadableRecords(@TempDir Path records) throws IOException {
        Path garbage = Files.writeString(records.resolve("12345"), "not a record");

        new OrphanSweep(records).sweep();

        assertThat(garbage).doesNotExist();
    }

    private static long exitedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static void writeRecord(Path records, Process child, long jvmPid, long jvmStart) throws IOException {
        Files.writeString(records.resolve(String.valueOf(child.pid())),
                jvmPid + " " + jvmStart + " " + startMillis(child.toHandle()));
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }
}
