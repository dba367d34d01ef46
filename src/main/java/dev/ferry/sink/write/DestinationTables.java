package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.sink.dialect.CreateDatabaseStatement;
import dev.ferry.sink.dialect.CreateTableStatement;
import dev.ferry.sink.dialect.TableExistsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes sure each destination table exists, once per table per task: creates a missing one when
 * {@code table.auto.create} is on, else fails naming it. Creating is DDL, which commits the open
 * transaction, so callers commit their pending work before {@link #ensure}.
 */
public final class DestinationTables {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationTables.class);

    private final boolean autoCreate;
    private final Set<TableId> known = new HashSet<>();

    public DestinationTables(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public boolean isKnown(TableId table) {
        return known.contains(table);
    }

    public void ensure(StatementWriter writer, TableDef table) throws WriteException {
        if (known.contains(table.id())) {
            return;
        }
        List<String> names = table.columns().stream().map(ColumnDef::name).toList();
        if (!exists(writer, table.id())) {
            if (!autoCreate) {
                throw WriteException.permanent(table.id(), StatementKind.CHECK_TABLE, "the table does not exist and "
                        + "table.auto.create is false; create the table, or set table.auto.create=true");
            }
            writer.executePlain(table.id(), names, StatementKind.CREATE_TABLE, CreateDatabaseStatement.sql(table.id().database()));
            writer.executePlain(table.id(), names, StatementKind.CREATE_TABLE, CreateTableStatement.sql(table));
            LOG.info("Created destination table {}", table.id());
        }
        known.add(table.id());
    }

    /**
     * The schema step: runs the DDL statements of a SCHEMA batch (CREATE DATABASE and CREATE TABLE, both
     * IF NOT EXISTS) when the table does not exist. An existing table is kept as it is, whatever its
     * definition; the conflict policy then decides about the rows it holds.
     */
    public void createSchema(StatementWriter writer, TableDef table, List<String> statements) throws WriteException {
        List<String> names = table.columns().stream().map(ColumnDef::name).toList();
        if (exists(writer, table.id())) {
            LOG.info("Destination table {} exists; the schema step keeps its definition", table.id());
        }
        else {
            for (String statement : statements) {
                writer.executePlain(table.id(), names, StatementKind.CREATE_SCHEMA, statement);
            }
            LOG.info("Created destination table {} from the source's definition", table.id());
        }
        known.add(table.id());
    }

    /** Forgets a table (after DDL dropped it), so the next batch for it checks again. */
    public void forget(TableId table) {
        known.remove(table);
    }

    /** Whether the destination has the table. */
    static boolean exists(StatementWriter writer, TableId table) throws WriteException {
        try (PreparedStatement query = writer.connection().prepareStatement(TableExistsQuery.SQL)) {
            query.setString(1, table.database());
            query.setString(2, table.table());
            try (ResultSet count = query.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(table, List.of(), StatementKind.CHECK_TABLE, e);
        }
    }
}
