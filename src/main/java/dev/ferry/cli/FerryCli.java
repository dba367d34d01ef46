package dev.ferry.cli;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code bin/ferry}: operations that are not a connector. */
public final class FerryCli {

    private FerryCli() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "help" : args[0];
        int status = switch (command) {
            case "demo" -> new DemoCommand().run(rest);
            case "config-docs" -> ConfigDocsCommand.run(rest);
            case "bench" -> new dev.ferry.bench.BenchCommand(System.out).run(rest);
            case "precheck" -> new PrecheckCommand(System.out, System.err).run(rest);
            default -> usage(command);
        };
        System.exit(status);
    }

    private static int usage(String command) {
        boolean help = command.equals("help") || command.equals("--help") || command.equals("-h");
        if (!help) {
            System.err.println("Unknown command '" + command + "'.");
        }
        System.err.println("""
                Usage: bin/ferry <command>
                  demo [--keep]                 migrate a sample database end to end on local MySQL, Kafka and Connect
                  test                          run every test (mvn verify)
                  bench [--quick] [--only narrow,wide,steady,catch-up] [--out DIR] [--write-readme README.md]
                                                measure Ferry next to mysqldump, LOAD DATA, Debezium and MySQL replication
                  config-docs [--write FILE]    print the connectors' configuration reference, or update it in FILE
                  precheck FILES... [--json] [--set key=value]
                                                check a migration before it starts, from its connector definitions
                                                (exit 0: nothing blocks, 1: failures or unacknowledged warnings, 2: unusable input)""");
        return help ? 0 : 2;
    }
}
