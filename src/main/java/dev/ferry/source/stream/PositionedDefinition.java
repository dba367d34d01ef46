package dev.ferry.source.stream;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TableDef;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table definition as it was at a binlog event's position. Ferry reads definitions from the source's
 * {@code information_schema}, which describes the table <em>now</em>; Debezium builds each event's row
 * schema from its schema history, which describes the table at the event. When Ferry is behind (or a
 * restart resumed before a DDL), the two can differ while every column keeps its name: a character set
 * changed by {@code ALTER TABLE ... CONVERT TO CHARACTER SET} or {@code MODIFY}. Decoding the earlier
 * rows with the later character set would silently change their text, so the character set of every
 * character column is taken from the row schema ({@link RawCharacterConverter} records it there), and a
 * column that is character data in one and not in the other stops the task.
 */
final class PositionedDefinition {
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");

    private PositionedDefinition() {
    }

    /** Whether the definition names the row schema's columns in order, with their character sets at the event. */
    static boolean matches(TableDef def, Schema rowSchema) {
        List<Field> fields = rowSchema.fields();
        List<ColumnDef> columns = def.columns();
        if (fields.size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            ColumnDef column = columns.get(i);
            if (!field.name().equals(column.name())) {
                return false;
            }
            String charset = charsetAtEvent(field);
            if (charset != null && (!isText(column) || !sameCharset(charset, column.charset()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the definition names the row schema's columns, in order (their types aside). */
    static boolean sameNames(TableDef def, Schema rowSchema) {
        List<Field> fields = rowSchema.fields();
        if (fields.size() != def.columns().size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).name().equals(def.columns().get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The definition {@code current} (read from the source, naming the same columns as the row schema)
     * with the character sets the row schema gives; {@code current} itself when they agree. A changed
     * character set loses the column's collation, which the source's catalog only knows for now.
     *
     * @throws ConnectException when a column is character data at the event but not now, or the reverse
     *         as far as the row schema tells (the table's types changed while Ferry was behind)
     */
    static TableDef at(TableDef current, Schema rowSchema) {
        List<Field> fields = rowSchema.fields();
        List<ColumnDef> columns = new ArrayList<>(current.columns().size());
        boolean changed = false;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            ColumnDef column = current.columns().get(i);
            String charset = charsetAtEvent(field);
            if (charset == null) {
                columns.add(column);
                continue;
            }
            if (!isText(column)) {
                throw new ConnectException("The binlog event for " + current.id() + " holds column " + column.name()
                        + " as character data in " + charset + ", but the table on the source now defines it as "
                        + column.columnType() + ". The table changed while Ferry was behind; restart the migration of this table.");
            }
            if (sameCharset(charset, column.charset())) {
                columns.add(column);
                continue;
            }
            columns.add(new ColumnDef(column.name(), column.dataType(), column.columnType(), charset, null, column.nullable(),
                    column.generationExpression(), column.generatedStored()));
            changed = true;
        }
        return changed ? new TableDef(current.id(), columns, current.keyColumns()) : current;
    }

    private static String charsetAtEvent(Field field) {
        Map<String, String> parameters = field.schema().parameters();
        return parameters == null ? null : parameters.get(RawCharacterConverter.CHARSET_PARAMETER);
    }

    private static boolean isText(ColumnDef column) {
        return TEXT_TYPES.contains(column.dataType().toLowerCase(Locale.ROOT));
    }

    static boolean sameCharset(String a, String b) {
        return b != null && normalized(a).equals(normalized(b));
    }

    private static String normalized(String charset) {
        String name = charset.toLowerCase(Locale.ROOT);
        return name.equals("utf8mb3") ? "utf8" : name;
    }
}
