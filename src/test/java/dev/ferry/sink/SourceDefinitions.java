package dev.ferry.sink;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a table's definition from information_schema, as Ferry's source reports it to the sink. */
final class SourceDefinitions {
    private SourceDefinitions() {
    }

    static TableDef read(Connection connection, TableId table) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, "
                + "CHARACTER_SET_NAME, COLLATION_NAME, IS_NULLABLE, GENERATION_EXPRESSION, EXTRA FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            query.setString(1, table.database());
            query.setString(2, table.table());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    columns.add(new ColumnDef(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6).equals("YES"), row.getString(7),
                            row.getString(8).contains("STORED GENERATED")));
                }
            }
        }
        List<String> key = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
            query.setString(1, table.database());
            query.setString(2, table.table());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    key.add(row.getString(1));
                }
            }
        }
        return new TableDef(table, columns, key);
    }
}
