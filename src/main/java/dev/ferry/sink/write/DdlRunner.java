package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.ddl.LiveDdl;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.sink.dialect.ReplayedDdl;
import dev.ferry.sink.dialect.StoredObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs DDL on the destination: statements replayed from the source's binlog, under the
 * {@link DdlErrorPolicy}, and the stored objects of schema migration. DDL commits by itself, so callers
 * commit their pending work first.
 */
public final class DdlRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DdlRunner.class);

    private final DdlErrorPolicy policy;

    public DdlRunner(DdlErrorPolicy policy) {
        this.policy = policy;
    }

    /**
     * Replays one statement. An error saying its effect is already there (a duplicate column or index, a
     * column or index already gone, a table already dropped or existing: a replay after a crash between
     * the statement and its recorded position) is taken as applied; for a rename, only when the old name is
     * gone and the new one is there. A transient error is thrown as such
     * (retried); any other stops the task with the statement and the error, or under {@code skip} is
     * logged and passed.
     */
    public void replay(StatementWriter writer, TableId table, SourcePosition at, String ddl) throws WriteException {
        try (Statement statement = writer.connection().createStatement()) {
            statement.execute(ddl);
            LOG.info("Replayed DDL on {} at {}: {}", table, at, StoredObjects.describe(ddl));
        }
        catch (SQLException e) {
            if (ErrorKind.of(e) == ErrorKind.TRANSIENT) {
                throw StatementWriter.failure(table, List.of(), StatementKind.DDL, e);
            }
            List<TableId> renamed = LiveDdl.renamedTables(ddl);
            if (renamed.isEmpty() ? ReplayedDdl.alreadyApplied(e) : renameApplied(writer, renamed)) {
                LOG.warn("DDL on {} at {} is already in effect on the destination ({}); taken as applied: {}", table, at,
                        e.getMessage(), StoredObjects.describe(ddl));
            }
            else {
                failed(table, at, ddl, e, "Fix the destination table so the statement can run");
            }
        }
    }

    /**
     * Replays the statements of one view, procedure or function: {@code DROP ... IF EXISTS} of the
     * destination object, then for a created or changed object its sql_mode and {@code CREATE} as schema
     * migration writes it; the session's settings are restored with {@code sessionSql} afterwards. Dropping
     * first makes a second run after a crash harmless. When a statement is refused because a database, table or
     * column it names is not on the destination (yet) and {@code wait} allows it, returns false: the caller
     * applies the record again later. Any other failure, or one that waited too long, follows the DDL error policy.
     *
     * @param objects the placeholder table of the database's objects topic
     */
    public boolean replayObject(StatementWriter writer, TableId objects, SourcePosition at, List<String> statements,
                                String sessionSql, DependencyWait wait) throws WriteException {
        try (Statement statement = writer.connection().createStatement()) {
            String current = null;
            try {
                for (String ddl : statements) {
                    current = ddl;
                    statement.execute(ddl);
                }
                LOG.info("Replayed DDL of {} at {}: {}", objects.database(), at, StoredObjects.describe(current));
            }
            catch (SQLException e) {
                if (ErrorKind.of(e) == ErrorKind.TRANSIENT) {
                    throw e;
                }
                boolean first = wait.isFirstRefusal(objects, at);
                if (StoredObjects.dependencyMissing(e) && wait.mayWait(objects, at)) {
                    // Tried again with every put() while it waits: logged once.
                    if (first) {
                        LOG.info("DDL of {} at {} waits for a table or column the destination does not have yet ({}); tried again "
                                + "until ddl.dependency.wait.ms has passed: {}", objects.database(), at, e.getMessage(),
                                StoredObjects.describe(current));
                    }
                    return false;
                }
                failed(objects, at, current, e, StoredObjects.dependencyMissing(e) ? "It names a database, table or column "
                        + "the destination lacks (one outside the selection, or one whose own DDL did not arrive within "
                        + "ddl.dependency.wait.ms); create it on the destination" : "Fix the destination so the statement can run");
            }
            finally {
                statement.execute(sessionSql);
            }
            wait.done(objects);
            return true;
        }
        catch (SQLException e) {
            throw StatementWriter.failure(objects, List.of(), StatementKind.DDL, e);
        }
    }

    /** A DDL statement failed for good: under {@code skip} logged and passed, else the task stops with it. */
    private void failed(TableId table, SourcePosition at, String ddl, SQLException e, String fix) throws WriteException {
        if (policy == DdlErrorPolicy.SKIP) {
            LOG.warn("DDL on {} at {} failed on the destination and is skipped (ddl.error.policy=skip): {} -- statement: {}",
                    table, at, e.getMessage(), ddl);
            return;
        }
        throw WriteException.permanent(table, StatementKind.DDL, "the DDL statement at binlog position " + at
                + " failed on the destination: " + e.getMessage() + " -- statement: " + ddl + ". " + fix
                + " (or run an equivalent statement yourself and set ddl.error.policy=skip until it is past), then restart "
                + "the connector.");
    }

    /**
     * Whether a rename's effect is there: the old name gone and the new one present. Any other state (both
     * present: another table holds the new name) is a real failure, not a replay.
     */
    private static boolean renameApplied(StatementWriter writer, List<TableId> renamed) throws WriteException {
        return !DestinationTables.exists(writer, renamed.get(0)) && DestinationTables.exists(writer, renamed.get(1));
    }

    /**
     * Creates a database's stored objects. An object that exists is kept; one the destination refuses (it
     * reads a database that is not migrated, or uses a feature the destination lacks) is logged as not
     * created, and the others still are. The session's settings, whose sql_mode the statements set per
     * routine, are restored afterwards with {@code sessionSql}.
     */
    public void createObjects(StatementWriter writer, TableId id, List<String> statements, String sessionSql) throws WriteException {
        int created = 0;
        List<String> refused = new ArrayList<>();
        try (Statement statement = writer.connection().createStatement()) {
            for (String ddl : statements) {
                try {
                    statement.execute(ddl);
                    created++;
                }
                catch (SQLException e) {
                    if (ErrorKind.of(e) == ErrorKind.TRANSIENT) {
                        throw e;
                    }
                    if (!StoredObjects.alreadyExists(e)) {
                        refused.add(StoredObjects.describe(ddl) + ": " + e.getMessage());
                    }
                }
            }
            statement.execute(sessionSql);
        }
        catch (SQLException e) {
            throw StatementWriter.failure(id, List.of(), StatementKind.CREATE_SCHEMA, e);
        }
        refused.forEach(r -> LOG.warn("Schema migration: not created on the destination: {}", r));
        LOG.info("Schema migration of the views, routines and triggers of {}: {} statements run, {} refused", id.database(),
                created, refused.size());
    }
}
