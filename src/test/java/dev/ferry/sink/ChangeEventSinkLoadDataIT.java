package dev.ferry.sink;

import org.junit.jupiter.api.Tag;

/**
 * The same suite with every run of rows, however short, tried through LOAD DATA LOCAL INFILE first:
 * every outcome (values, conflicts, failures and their messages, rollback with progress) must be the
 * statements' outcome.
 */
@Tag("integration")
class ChangeEventSinkLoadDataIT extends ChangeEventSinkIT {

    @Override
    int loadDataMinRows() {
        return 1;
    }
}
