package dev.ferry.e2e;

import dev.ferry.testkit.FerryPipeline;
import dev.ferry.testkit.LocalStack;
import dev.ferry.testkit.MySqlVersion;
import dev.ferry.testkit.SampleShop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A local stack for one test class, with the migration users and, when asked, the sample shop on the source. */
final class ShopStack {
    static final String DATABASE = "shop";

    private ShopStack() {
    }

    static LocalStack start(Class<?> test, MySqlVersion sourceVersion) throws IOException, SQLException {
        Path work = Files.createDirectories(Path.of("target", "it", test.getSimpleName()));
        LocalStack stack = LocalStack.builder(work).sourceVersion(sourceVersion).destinationVersion(MySqlVersion.V8_0).start();
        FerryPipeline.createUsers(stack);
        return stack;
    }

    static LocalStack withShop(Class<?> test, MySqlVersion sourceVersion, long seed, int customers, int pageViews)
            throws IOException, SQLException {
        LocalStack stack = start(test, sourceVersion);
        try (Connection c = stack.source().openConnection()) {
            new SampleShop(seed).create(c, DATABASE, customers, pageViews);
        }
        return stack;
    }
}
