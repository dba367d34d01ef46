package dev.ferry.e2e;

import dev.ferry.testkit.MySqlVersion;

class MySql57To80IT extends AbstractEndToEndIT {
    @Override
    MySqlVersion sourceVersion() {
        return MySqlVersion.V5_7;
    }
}
