package dev.ferry.sink.dialect;

import dev.ferry.core.schema.ColumnDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The members of an ENUM column, from its column type ({@code enum('a','it''s')}), and the one value
 * such a column can hold that is not a member: the empty string MySQL stores (index 0) when a
 * non-strict session writes an invalid value. Copying that value needs a non-strict statement too.
 */
public final class EnumMembers {
    private EnumMembers() {
    }

    /** Whether {@code value} written into {@code column} is ENUM's invalid value ''. */
    public static boolean isInvalidValue(ColumnDef column, Object value) {
        return "".equals(value) && column.dataType().toLowerCase(Locale.ROOT).equals("enum")
                && !of(column.columnType()).contains("");
    }

    /** Whether any row writes ENUM's invalid value into one of {@code columns}. */
    public static boolean anyInvalidValue(WritableColumns columns, List<Object[]> rows) {
        for (Object[] row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (isInvalidValue(columns.column(i), row[columns.imageIndex(i)])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The quoted members of an {@code enum(...)} or {@code set(...)} column type, unescaped. */
    static List<String> of(String columnType) {
        List<String> members = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length() && columnType.charAt(i) == '\'') {
            StringBuilder member = new StringBuilder();
            i++;
            while (i < columnType.length()) {
                char c = columnType.charAt(i);
                if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    member.append('\'');
                    i += 2;
                }
                else if (c == '\'') {
                    i++;
                    break;
                }
                else {
                    member.append(c);
                    i++;
                }
            }
            members.add(member.toString());
            if (i < columnType.length() && columnType.charAt(i) == ',') {
                i++;
            }
        }
        return members;
    }
}
