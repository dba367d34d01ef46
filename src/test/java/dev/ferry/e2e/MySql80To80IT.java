package dev.ferry.e2e;

import dev.ferry.testkit.MySqlVersion;

class MySql80To80IT extends AbstractEndToEndIT {
    @Override
    MySqlVersion sourceVersion() {
        return MySqlVersion.V8_0;
    }
}
