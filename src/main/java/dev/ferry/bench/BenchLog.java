package dev.ferry.bench;

import java.io.PrintStream;

/** The bench's progress lines on standard output, each with the seconds since the bench started. */
final class BenchLog {
    private final PrintStream out;
    private final long started = System.nanoTime();

    BenchLog(PrintStream out) {
        this.out = out;
    }

    void say(String format, Object... args) {
        out.printf("[%6.1f s] %s%n", elapsed(), String.format(format, args));
        out.flush();
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }
}
