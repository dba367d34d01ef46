package dev.ferry.core.filter;

import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

import java.nio.charset.StandardCharsets;

/**
 * A row filter checked against one table: it decides for a row image (one value per source column)
 * whether the row belongs to the migration, with MySQL's three-valued logic (a row is in only when
 * the condition is TRUE), and renders the same condition as SQL for the snapshot's query.
 */
public final class BoundRowFilter {
    private final RowFilter filter;
    private final TableDef table;
    private final Node root;

    BoundRowFilter(RowFilter filter, TableDef table, Node root) {
        this.filter = filter;
        this.table = table;
        this.root = root;
    }

    public RowFilter filter() {
        return filter;
    }

    /** The condition's value for a row image of the bound table. */
    public Truth evaluate(Object[] image) {
        return root.evaluate(image);
    }

    /** Whether the row is in the migration: the condition is TRUE (not FALSE, not UNKNOWN). */
    public boolean matches(Object[] image) {
        return image != null && evaluate(image) == Truth.TRUE;
    }

    /**
     * The condition as SQL for the source server, every name quoted and every string written as a
     * hexadecimal literal in the character set it was given in, so no sql_mode changes its meaning.
     */
    public String sql() {
        SqlBuilder sql = new SqlBuilder();
        root.render(sql, table);
        return sql.toString();
    }

    sealed interface Node permits And, Or, Not, IsNull, Compare {
        Truth evaluate(Object[] image);

        void render(SqlBuilder sql, TableDef table);
    }

    record And(Node left, Node right) implements Node {
        @Override
        public Truth evaluate(Object[] image) {
            return left.evaluate(image).and(right.evaluate(image));
        }

        @Override
        public void render(SqlBuilder sql, TableDef table) {
            sql.sql("(");
            left.render(sql, table);
            sql.sql(" AND ");
            right.render(sql, table);
            sql.sql(")");
        }
    }

    record Or(Node left, Node right) implements Node {
        @Override
        public Truth evaluate(Object[] image) {
            return left.evaluate(image).or(right.evaluate(image));
        }

        @Override
        public void render(SqlBuilder sql, TableDef table) {
            sql.sql("(");
            left.render(sql, table);
            sql.sql(" OR ");
            right.render(sql, table);
            sql.sql(")");
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public Truth evaluate(Object[] image) {
            return operand.evaluate(image).not();
        }

        @Override
        public void render(SqlBuilder sql, TableDef table) {
            sql.sql("(NOT ");
            operand.render(sql, table);
            sql.sql(")");
        }
    }

    record IsNull(int index, boolean negated) implements Node {
        @Override
        public Truth evaluate(Object[] image) {
            return Truth.of((image[index] == null) != negated);
        }

        @Override
        public void render(SqlBuilder sql, TableDef table) {
            sql.sql("(").identifier(table.columns().get(index).name()).sql(negated ? " IS NOT NULL)" : " IS NULL)");
        }
    }

    record Compare(int index, ColumnComparator comparator, Condition.Operator op, Object constant, Literal literal) implements Node {
        @Override
        public Truth evaluate(Object[] image) {
            Object value = image[index];
            if (value == null || constant == null) {
                return Truth.UNKNOWN;
            }
            return Truth.of(op.holds(comparator.compare(value, constant)));
        }

        @Override
        public void render(SqlBuilder sql, TableDef table) {
            sql.sql("(").identifier(table.columns().get(index).name()).sql(" " + op.sql() + " ");
            if (literal instanceof Literal.Number n) {
                sql.sql(n.value().toPlainString());
            }
            else if (literal instanceof Literal.Text t) {
                sql.sql(comparator instanceof ColumnComparator.Bytes ? "X'" : "_utf8mb4 X'").sql(hex(t.value())).sql("'");
            }
            else {
                sql.sql("NULL");
            }
            sql.sql(")");
        }

        private static String hex(String text) {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return out.toString();
        }
    }
}
