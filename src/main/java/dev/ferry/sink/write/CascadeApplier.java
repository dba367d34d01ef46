package dev.ferry.sink.write;

import dev.ferry.core.event.CascadeRule;
import dev.ferry.core.event.CascadeStep;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.event.RowOp;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;
import dev.ferry.sink.bind.BinderRegistry;
import dev.ferry.sink.bind.StatementParameters;
import dev.ferry.sink.dialect.CascadeStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out one step of a source cascade on one destination table ({@link CascadeStep}): the rows the
 * level above changed (the parent's old and new values from the batch, or the rows a ledger entry
 * recorded) become deletes and updates of this table's rows matched on the referencing columns; before
 * each statement the rows it changes are read ({@code SELECT ... FOR UPDATE}), so the step knows their
 * referenced values: the table's keys on itself turn them into the next level inside the table (a tree),
 * and the columns deeper tables reference are returned for the ledger. Runs at exactly the source position
 * of the cascade on the table, so what it reads is what InnoDB saw; a row is changed at most once per
 * distinct match, so a cycle in the data ends.
 */
public final class CascadeApplier {
    private final BinderRegistry binders;

    public CascadeApplier(BinderRegistry binders) {
        this.binders = binders;
    }

    /**
     * One row the step changed: its recorded (and self-referenced) columns before, and after (null when
     * deleted). Values are as the destination returns them, or as the batch carried them.
     */
    public record ChangedRow(Map<String, Object> before, Map<String, Object> after) {
    }

    /** What a change of the level above does to this table: the rows whose {@code columns} equal {@code old}. */
    private record Effect(List<String> columns, boolean delete, List<Object> old, List<Object> values, boolean codec) {
        List<Object> identity() {
            List<Object> out = new ArrayList<>(List.of(columns, delete));
            for (List<Object> part : Arrays.asList(old, values)) {
                for (Object value : part == null ? List.of() : part) {
                    out.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : Objects.toString(value, null));
                }
                out.add("|");
            }
            return out;
        }
    }

    /** A first level: the batch's rows, matched on {@code columns} (codec values). */
    public List<ChangedRow> applyFirst(StatementWriter writer, TableDef table, List<String> columns, List<RowChange> rows,
                                       CascadeStep step) throws WriteException {
        Deque<Effect> effects = new ArrayDeque<>();
        for (RowChange row : rows) {
            List<Object> old = columns.stream().map(c -> row.before()[table.indexOf(c)]).toList();
            boolean update = row.op() == RowOp.UPDATE;
            List<Object> values = update ? columns.stream().map(c -> row.after()[table.indexOf(c)]).toList() : null;
            effects.add(new Effect(columns, !update, old, values, true));
        }
        return run(writer, table, step, effects);
    }

    /** A deeper level: the rows the ledger entry of the level above recorded, through the step's rules. */
    public List<ChangedRow> applyFollowing(StatementWriter writer, TableDef table, List<ChangedRow> above, CascadeStep step)
            throws WriteException {
        Deque<Effect> effects = new ArrayDeque<>();
        for (ChangedRow row : above) {
            for (CascadeRule rule : step.rules()) {
                effect(rule, row).ifPresent(effects::add);
            }
        }
        return run(writer, table, step, effects);
    }

    private List<ChangedRow> run(StatementWriter writer, TableDef table, CascadeStep step, Deque<Effect> effects)
            throws WriteException {
        Set<String> read = new LinkedHashSet<>(step.recorded());
        step.selfRules().forEach(r -> read.addAll(r.parentColumns()));
        List<ChangedRow> changed = new ArrayList<>();
        Set<List<Object>> done = new HashSet<>();
        try {
            while (!effects.isEmpty()) {
                Effect effect = effects.poll();
                if (effect.old().contains(null) || !done.add(effect.identity())) {
                    continue;   // NULL references nothing; a match already handled is not handled twice
                }
                List<Map<String, Object>> rows = read.isEmpty() ? List.of() : select(writer.connection(), table, read, effect);
                String sql = effect.delete() ? CascadeStatement.delete(table.id(), effect.columns())
                        : CascadeStatement.update(table.id(), effect.columns());
                try (PreparedStatement statement = writer.connection().prepareStatement(sql)) {
                    bind(statement, table, effect, !effect.delete());
                    statement.executeLargeUpdate();
                }
                for (Map<String, Object> before : rows) {
                    Map<String, Object> after = null;
                    if (!effect.delete()) {
                        after = new LinkedHashMap<>(before);
                        for (int i = 0; i < effect.columns().size(); i++) {
                            if (after.containsKey(effect.columns().get(i))) {
                                after.put(effect.columns().get(i), effect.values().get(i));
                            }
                        }
                    }
                    ChangedRow row = new ChangedRow(before, after);
                    changed.add(row);
                    for (CascadeRule rule : step.selfRules()) {
                        effect(rule, row).ifPresent(effects::add);
                    }
                }
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(table.id(), List.of(), StatementKind.CASCADE, e);
        }
        return changed;
    }

    /** What {@code rule} does to its child rows for one changed row of its parent, if anything. */
    private static Optional<Effect> effect(CascadeRule rule, ChangedRow row) {
        List<Object> old = rule.parentColumns().stream().map(row.before()::get).toList();
        List<Object> nulls = Arrays.asList(new Object[old.size()]);
        if (row.after() == null) {
            return switch (rule.onDelete()) {
                case CASCADE -> Optional.of(new Effect(rule.childColumns(), true, old, null, false));
                case SET_NULL -> Optional.of(new Effect(rule.childColumns(), false, old, nulls, false));
                case NONE -> Optional.empty();
            };
        }
        List<Object> updated = rule.parentColumns().stream().map(row.after()::get).toList();
        if (sameValues(old, updated) || rule.onUpdate() == ForeignKey.Action.NONE) {
            return Optional.empty();
        }
        return Optional.of(new Effect(rule.childColumns(), false, old,
                rule.onUpdate() == ForeignKey.Action.CASCADE ? updated : nulls, false));
    }

    private static boolean sameValues(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.deepEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parameters of a cascade statement: for an update the new values, then the old ones matched. Values from
     * the batch are bound like every row value; values the destination returned go back as they came.
     */
    private void bind(PreparedStatement statement, TableDef table, Effect effect, boolean withValues) throws SQLException {
        StatementParameters parameters = new StatementParameters(statement, binders);
        int next = 1;
        for (int pass = withValues ? 0 : 1; pass < 2; pass++) {
            List<Object> values = pass == 0 ? effect.values() : effect.old();
            for (int i = 0; i < effect.columns().size(); i++) {
                ColumnDef column = column(table, effect.columns().get(i));
                if (!effect.codec()) {
                    statement.setObject(next++, values.get(i));
                }
                else if (pass == 0) {
                    parameters.write(column, values.get(i));
                }
                else {
                    parameters.match(column, values.get(i));
                }
            }
        }
    }

    private List<Map<String, Object>> select(Connection connection, TableDef table, Set<String> columns, Effect effect)
            throws SQLException {
        List<String> names = List.copyOf(columns);
        SqlBuilder sql = new SqlBuilder().sql("SELECT ").identifiers(names).sql(" FROM ").table(table.id()).sql(" WHERE ");
        for (int i = 0; i < effect.columns().size(); i++) {
            sql.sql(i == 0 ? "" : " AND ").identifier(effect.columns().get(i)).sql(" = ?");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql(" FOR UPDATE").toString())) {
            bind(statement, table, effect, false);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        row.put(names.get(i), rs.getObject(i + 1));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static ColumnDef column(TableDef table, String name) {
        int index = table.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Column " + name + " of a cascade is not a column of " + table.id());
        }
        return table.columns().get(index);
    }
}
