package dev.ferry.sink;

import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.Tag;

/** The same suite against a MySQL 5.7 destination. */
@Tag("integration")
class ChangeEventSinkMySql57IT extends ChangeEventSinkIT {

    @Override
    MySqlVersion version() {
        return MySqlVersion.V5_7;
    }
}
