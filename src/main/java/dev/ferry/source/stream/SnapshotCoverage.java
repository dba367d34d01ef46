package dev.ferry.source.stream;

import dev.ferry.core.TableId;
import io.debezium.connector.mysql.gtid.MySqlGtidSet;

import java.util.HashMap;
import java.util.Map;

/**
 * Which binlog transactions each table's snapshot already holds, by GTID. Binlog reading starts at
 * the earliest snapshot's GTID set; a table snapshotted later (after a restart) holds more, and its
 * changes from those transactions are dropped here instead of being applied twice.
 */
public final class SnapshotCoverage {
    private final Map<TableId, MySqlGtidSet> byTable = new HashMap<>();

    public SnapshotCoverage(Map<TableId, String> snapshotGtids) {
        snapshotGtids.forEach((table, gtids) -> {
            if (gtids != null && !gtids.isEmpty()) {
                byTable.put(table, new MySqlGtidSet(gtids));
            }
        });
    }

    public static SnapshotCoverage none() {
        return new SnapshotCoverage(Map.of());
    }

    /** Whether the table's snapshot holds the transaction with this GTID (null: no GTID, not known). */
    public boolean covers(TableId table, String gtid) {
        MySqlGtidSet set = byTable.get(table);
        return set != null && gtid != null && set.contains(gtid);
    }
}
