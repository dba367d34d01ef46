package dev.ferry.cli;

import dev.ferry.sink.FerrySinkConfig;
import dev.ferry.source.FerrySourceConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bin/ferry config-docs [--write FILE]}: prints or updates the configuration reference. */
final class ConfigDocsCommand {

    private ConfigDocsCommand() {
    }

    static Map<String, ConfigDef> connectors() {
        Map<String, ConfigDef> connectors = new LinkedHashMap<>();
        connectors.put("Source connector (`dev.ferry.source.FerrySourceConnector`)", FerrySourceConfig.CONFIG_DEF);
        connectors.put("Sink connector (`dev.ferry.sink.FerrySinkConnector`)", FerrySinkConfig.CONFIG_DEF);
        return connectors;
    }

    static int run(List<String> args) throws IOException {
        String reference = ConfigReference.markdown(connectors());
        if (args.size() == 2 && args.get(0).equals("--write")) {
            Path file = Path.of(args.get(1));
            String readme = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(file, ConfigReference.replaceIn(readme, reference), StandardCharsets.UTF_8);
            System.out.println("Updated the configuration reference in " + file);
        }
        else {
            System.out.print(reference);
        }
        return 0;
    }
}
