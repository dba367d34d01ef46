package dev.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's logs, for error messages. */
final class LogTail {

    private static final int MAX_LINE_LENGTH = 2_000;

    private LogTail() {
    }

    static String of(int lines, Path... logs) {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append(of(log, lines));
        }
        return text.length() == 0 ? " (no log was written)" : text.toString();
    }

    private static String of(Path log, int lines) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) == 0) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            StringBuilder text = new StringBuilder("\n--- last lines of ").append(log).append(":\n");
            all.subList(Math.max(0, all.size() - lines), all.size())
                    .forEach(line -> text.append(abbreviate(line)).append('\n'));
            return text.toString();
        } catch (IOException e) {
            return "\n--- cannot read " + log + ": " + e + "\n";
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH) + " [...]";
    }
}
