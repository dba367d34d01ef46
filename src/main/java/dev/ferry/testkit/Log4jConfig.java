package dev.ferry.testkit;

import java.nio.file.Path;
import java.util.Map;

/** Log4j 2 configuration files for the Kafka and Connect processes. */
final class Log4jConfig {

    private Log4jConfig() {
    }

    /** INFO and above to {@code logFile}. */
    static void writeInfoToFile(Path configFile, Path logFile) {
        PropertiesFile.write(configFile, Map.of(
                "status", "warn",
                "appender.file.type", "File",
                "appender.file.name", "FILE",
                "appender.file.fileName", logFile.toAbsolutePath().toString(),
                "appender.file.layout.type", "PatternLayout",
                "appender.file.layout.pattern", "[%d] %p %m (%c)%n",
                "rootLogger.level", "INFO",
                "rootLogger.appenderRef.file.ref", "FILE"));
    }

    /** WARN and above to standard error, so tools' standard output holds only their result. */
    static void writeWarnToStderr(Path configFile) {
        PropertiesFile.write(configFile, Map.of(
                "status", "warn",
                "appender.err.type", "Console",
                "appender.err.name", "STDERR",
                "appender.err.target", "SYSTEM_ERR",
                "appender.err.layout.type", "PatternLayout",
                "appender.err.layout.pattern", "[%d] %p %m (%c)%n",
                "rootLogger.level", "WARN",
                "rootLogger.appenderRef.err.ref", "STDERR"));
    }
}
