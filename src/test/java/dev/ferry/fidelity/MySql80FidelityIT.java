package dev.ferry.fidelity;

import dev.ferry.testkit.MySqlVersion;

class MySql80FidelityIT extends AbstractFidelityIT {
    @Override
    MySqlVersion sourceVersion() {
        return MySqlVersion.V8_0;
    }
}
