package dev.ferry.source.catalog;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ForeignKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the source's foreign keys whose actions change child rows (CASCADE, SET NULL). */
public final class ForeignKeyCatalog {
    private static final String CHANGING_CHILDREN = "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
            + "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
            + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
            + "WHERE k.REFERENCED_TABLE_NAME IS NOT NULL "
            + "AND (r.DELETE_RULE IN ('CASCADE', 'SET NULL') OR r.UPDATE_RULE IN ('CASCADE', 'SET NULL')) "
            + "ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private ForeignKeyCatalog() {
    }

    public static List<ForeignKey> changingChildren(Connection connection) throws SQLException {
        Map<String, Builder> keys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CHANGING_CHILDREN)) {
            while (rows.next()) {
                TableId child = new TableId(rows.getString(1), rows.getString(2));
                String name = rows.getString(3);
                Builder key = keys.computeIfAbsent(child + "\u0000" + name, k -> new Builder());
                key.name = name;
                key.child = child;
                key.childColumns.add(rows.getString(4));
                key.parent = new TableId(rows.getString(5), rows.getString(6));
                key.parentColumns.add(rows.getString(7));
                key.onDelete = ForeignKey.Action.ofRule(rows.getString(8));
                key.onUpdate = ForeignKey.Action.ofRule(rows.getString(9));
            }
        }
        return keys.values().stream().map(b -> new ForeignKey(b.name, b.child, b.childColumns, b.parent, b.parentColumns,
                b.onDelete, b.onUpdate)).toList();
    }

    private static final class Builder {
        String name;
        TableId child;
        TableId parent;
        final List<String> childColumns = new ArrayList<>();
        final List<String> parentColumns = new ArrayList<>();
        ForeignKey.Action onDelete;
        ForeignKey.Action onUpdate;
    }
}
