package dev.ferry.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a separate JVM running one of Kafka's main classes. */
final class JavaCommand {

    private final List<String> jvmOptions = new ArrayList<>();
    private final String classpath;
    private final String mainClass;
    private final List<String> arguments = new ArrayList<>();

    JavaCommand(String classpath, String mainClass) {
        this.classpath = classpath;
        this.mainClass = mainClass;
    }

    JavaCommand maxHeap(String size) {
        jvmOptions.add("-Xmx" + size);
        return this;
    }

    JavaCommand log4jConfig(Path file) {
        return systemProperty("log4j2.configurationFile", file.toAbsolutePath().toString());
    }

    JavaCommand systemProperty(String name, String value) {
        jvmOptions.add("-D" + name + "=" + value);
        return this;
    }

    JavaCommand arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
