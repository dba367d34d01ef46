package dev.ferry.fidelity;

import dev.ferry.testkit.MySqlVersion;

class MySql57FidelityIT extends AbstractFidelityIT {
    @Override
    MySqlVersion sourceVersion() {
        return MySqlVersion.V5_7;
    }
}
