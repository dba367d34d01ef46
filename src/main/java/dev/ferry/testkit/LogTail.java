package dev.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, for error messages. */
final class LogTail {

    private static final int MAX_LINE_LENGTH = 2_000;

    private LogTail() {
    }

    static String of(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            StringBuilder text = new StringBuilder("last lines of ").append(log).append(":\n");
            tail.forEach(line -> text.append(abbreviate(line)).append('\n'));
            return text.toString();
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH) + " [...]";
    }
}
