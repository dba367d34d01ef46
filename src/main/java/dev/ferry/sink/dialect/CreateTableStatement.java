package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.sql.SqlBuilder;

/**
 * {@code CREATE TABLE IF NOT EXISTS} for a destination table that does not exist yet: every column
 * with the source's exact column type, character set, collation, nullability and generation
 * expression, and the table's row identity as its primary key (a key that came from a NOT NULL
 * unique index keeps its uniqueness that way). Secondary indexes, defaults, AUTO_INCREMENT and
 * table options are not reproduced: Ferry writes every column of every row itself.
 */
public final class CreateTableStatement {
    private CreateTableStatement() {
    }

    public static String sql(TableDef table) {
        SqlBuilder sql = new SqlBuilder(256 + table.columns().size() * 64);
        sql.sql("CREATE TABLE IF NOT EXISTS ").table(table.id()).sql(" (");
        for (int i = 0; i < table.columns().size(); i++) {
            sql.sql(i == 0 ? "\n  " : ",\n  ");
            appendColumn(sql, table.columns().get(i));
        }
        if (!table.keyless()) {
            sql.sql(",\n  PRIMARY KEY (").identifiers(table.keyColumns()).sql(")");
        }
        return sql.sql("\n)").toString();
    }

    private static void appendColumn(SqlBuilder sql, ColumnDef column) {
        // The column type and generation expression are schema text the source server itself
        // reported (information_schema), used verbatim so the destination type is exactly the source's.
        sql.identifier(column.name()).sql(" ").sql(column.columnType());
        if (column.charset() != null) {
            sql.sql(" CHARACTER SET ").identifier(column.charset());
        }
        if (column.collation() != null) {
            sql.sql(" COLLATE ").identifier(column.collation());
        }
        if (column.generated()) {
            sql.sql(" GENERATED ALWAYS AS (").sql(column.generationExpression()).sql(")")
                    .sql(column.generatedStored() ? " STORED" : " VIRTUAL");
        }
        sql.sql(column.nullable() ? " NULL" : " NOT NULL");
    }
}
