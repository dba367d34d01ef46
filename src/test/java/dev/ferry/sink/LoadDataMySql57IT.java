package dev.ferry.sink;

import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.Tag;

/** The LOAD DATA suite against a MySQL 5.7 destination. */
@Tag("integration")
class LoadDataMySql57IT extends LoadDataIT {

    @Override
    MySqlVersion version() {
        return MySqlVersion.V5_7;
    }
}
