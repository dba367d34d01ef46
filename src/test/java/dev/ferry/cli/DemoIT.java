package dev.ferry.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo command, run as a user runs it: {@code bin/ferry demo}, start to finish. */
@Tag("integration")
class DemoIT {

    @Test
    void demoMigratesTheSampleDatabaseAndReportsEquality() throws Exception {
        Path output = Files.createDirectories(Path.of("target", "it")).resolve("demo-output.txt");
        Process demo = new ProcessBuilder("bin/ferry", "demo")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(new File("."))
                .start();
        boolean finished = demo.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("demo finished; output:%n%s", text).isTrue();
        assertThat(demo.exitValue()).as("exit status; output:%n%s", text).isZero();
        assertThat(text).contains("4. Snapshot", "5. Live changes", "Result: EQUAL");
        assertThat(text).containsPattern("shop\\.audit_log +source +[\\d,]+ rows +destination +[\\d,]+ rows +EQUAL");
    }
}
