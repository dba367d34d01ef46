package dev.ferry.source.schema;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.CreateDatabaseRewriter;
import dev.ferry.core.ddl.CreateTableRewriter;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Reads a table's definition as the source server writes it ({@code SHOW CREATE DATABASE},
 * {@code SHOW CREATE TABLE}) and returns the destination's DDL under the object mapping: the
 * statements of the table's SCHEMA batch.
 */
public final class SchemaReader {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaReader.class);

    private final ObjectMapping mapping;

    public SchemaReader(ObjectMapping mapping) {
        this.mapping = mapping;
    }

    /** CREATE DATABASE IF NOT EXISTS and CREATE TABLE IF NOT EXISTS for the destination of {@code source}. */
    public List<String> statements(Connection connection, TableDef source) throws SQLException {
        TableId id = source.id();
        String database = showCreate(connection, new SqlBuilder().sql("SHOW CREATE DATABASE ").identifier(id.database()).toString());
        String table = showCreate(connection, new SqlBuilder().sql("SHOW CREATE TABLE ").table(id).toString());
        CreateTableRewriter tables = new CreateTableRewriter(mapping, reason -> LOG.warn("Schema migration: {}", reason));
        return List.of(CreateDatabaseRewriter.rewrite(database, mapping.destinationDatabase(id.database()),
                        databaseCollation(connection, id.database())),
                tables.rewrite(source, table, tableCollation(connection, id)));
    }

    /** The database's default collation, written out so the destination does not pick its own version's default. */
    private static String databaseCollation(Connection connection, String database) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            statement.setString(1, database);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** The table's default collation, written out so the destination does not pick its own version's default. */
    private static String tableCollation(Connection connection, TableId id) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static String showCreate(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new SQLException(sql + " returned nothing");
            }
            return result.getString(2);
        }
    }
}
