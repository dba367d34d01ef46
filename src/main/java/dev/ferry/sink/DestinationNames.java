package dev.ferry.sink;

import dev.ferry.core.TableId;

/** Maps a source table to the destination table its rows go to: for now the same database and name. */
public final class DestinationNames {

    public TableId destinationOf(TableId source) {
        return source;
    }
}
