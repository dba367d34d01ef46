package dev.ferry.sink.progress;

import dev.ferry.core.TableId;
import dev.ferry.core.event.CascadeStep.LedgerEntry;
import dev.ferry.core.event.SourcePosition;
import dev.ferry.sink.dialect.CascadeLedgerStatements;
import dev.ferry.sink.write.CascadeApplier.ChangedRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cascade ledger in the sink's state database: what a cascade step changed on one table at one source
 * position, kept for the deeper steps of the same cascade, which other topics carry (see {@link
 * dev.ferry.core.event.CascadeStep}). An entry is written in the transaction that applies its step (with the
 * table's progress), and each deeper step reads it in the transaction that applies that step (with its own
 * progress) and counts it off; the last one deletes it. So every entry is written once, read once by each
 * consumer, and removed when all have read it, whatever Kafka redelivers.
 */
public final class CascadeLedger {
    /** What a ledger row may hold: a map of the values Connector/J returns. */
    private static final ObjectInputFilter VALUES_ONLY = ObjectInputFilter.Config.createFilter(
            "java.util.LinkedHashMap;java.util.HashMap;java.util.Map$Entry;java.lang.*;java.math.*;java.time.*;java.time.Ser;"
            + "java.sql.Date;java.sql.Time;java.sql.Timestamp;java.util.Date;[B;!*");
    private final String connectorName;
    private final CascadeLedgerStatements statements;

    public CascadeLedger(String connectorName, String stateDatabase) {
        this.connectorName = connectorName;
        this.statements = new CascadeLedgerStatements(stateDatabase);
    }

    /** Creates the ledger table if it does not exist. DDL: commits. */
    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(statements.createTable());
        }
    }

    public TableId table() {
        return statements.table();
    }

    /** Records a step's changed rows for {@code consumers} deeper steps, in the connection's transaction. */
    public void record(Connection connection, LedgerEntry entry, int consumers, List<ChangedRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(statements.insert())) {
            bindKey(insert, entry);
            insert.setInt(8, 0);
            insert.setInt(9, consumers);
            insert.setNull(10, Types.BLOB);
            insert.setNull(11, Types.BLOB);
            insert.addBatch();
            for (int i = 0; i < rows.size(); i++) {
                bindKey(insert, entry);
                insert.setInt(8, i + 1);
                insert.setNull(9, Types.INTEGER);
                insert.setBytes(10, serialize(rows.get(i).before()));
                insert.setBytes(11, rows.get(i).after() == null ? null : serialize(rows.get(i).after()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The rows of an entry, counted off for one consumer (the entry is deleted when it was the last), in the
     * connection's transaction; empty when the entry does not exist. Locks the entry, so the newest committed
     * version is read.
     */
    public Optional<List<ChangedRow>> take(Connection connection, LedgerEntry entry) throws SQLException {
        List<ChangedRow> rows = new ArrayList<>();
        Integer remaining = null;
        try (PreparedStatement select = connection.prepareStatement(statements.selectForUpdate())) {
            bindKey(select, entry);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 0) {
                        remaining = rs.getInt(2);
                    }
                    else {
                        byte[] after = rs.getBytes(4);
                        rows.add(new ChangedRow(deserialize(rs.getBytes(3)), after == null ? null : deserialize(after)));
                    }
                }
            }
        }
        if (remaining == null) {
            return Optional.empty();
        }
        try (PreparedStatement countOff = connection.prepareStatement(remaining <= 1 ? statements.delete() : statements.decrement())) {
            bindKey(countOff, entry);
            countOff.executeUpdate();
        }
        return Optional.of(rows);
    }

    private void bindKey(PreparedStatement statement, LedgerEntry entry) throws SQLException {
        SourcePosition position = entry.position();
        statement.setString(1, connectorName);
        statement.setString(2, entry.table().database());
        statement.setString(3, entry.table().table());
        statement.setLong(4, position.fileSequence());
        statement.setLong(5, position.position());
        statement.setInt(6, position.row());
        statement.setInt(7, position.sub());
    }

    /** The values as the destination returned them (Java types of Connector/J, all serializable). */
    private static byte[] serialize(Map<String, Object> values) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(values));
        }
        catch (IOException e) {
            throw new SQLException("Cannot record a cascaded row's values in the cascade ledger: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] bytes) throws SQLException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(VALUES_ONLY);
            return (Map<String, Object>) in.readObject();
        }
        catch (IOException | ClassNotFoundException e) {
            throw new SQLException("Cannot read a cascaded row's values from the cascade ledger: " + e.getMessage(), e);
        }
    }
}
