package dev.ferry.source.snapshot;

import dev.ferry.testkit.MySqlVersion;

class RowFilterSemanticsMySql57IT extends RowFilterSemanticsIT {
    @Override
    MySqlVersion version() {
        return MySqlVersion.V5_7;
    }
}
