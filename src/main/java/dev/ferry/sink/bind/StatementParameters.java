package dev.ferry.sink.bind;

import dev.ferry.core.schema.ColumnDef;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a statement's parameters one after another, in placeholder order. */
public final class StatementParameters {
    private final PreparedStatement statement;
    private final BinderRegistry binders;
    private int next = 1;

    public StatementParameters(PreparedStatement statement, BinderRegistry binders) {
        this.statement = statement;
        this.binders = binders;
    }

    /** The next parameter is a value written into {@code column}. */
    public void write(ColumnDef column, Object value) throws SQLException {
        binders.forWrite(column, value).bind(statement, next++, value);
    }

    /** The next parameter is a value compared with {@code column}. */
    public void match(ColumnDef column, Object value) throws SQLException {
        binders.forMatch(column, value).bind(statement, next++, value);
    }

    /** How many parameters were bound. */
    public int count() {
        return next - 1;
    }
}
