package dev.ferry.sink.buffer;

import java.util.List;

/**
 * What a keyed table's buffered changes come to: the keys whose last change removed them, and the
 * last row image of every other key, in the order of each key's last change. Writing the deletes
 * first and then the rows leaves the destination exactly as the changes left the source.
 *
 * @param deletedKeys key values, in key column order
 * @param upserts full row images
 */
public record ReducedChanges(List<Object[]> deletedKeys, List<Object[]> upserts) {
    public ReducedChanges {
        deletedKeys = List.copyOf(deletedKeys);
        upserts = List.copyOf(upserts);
    }
}
