package dev.ferry.core.mapping;

import dev.ferry.core.TableId;
import dev.ferry.core.filter.FilterException;
import dev.ferry.core.filter.RowFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code row.filters} setting: entries {@code database.table: condition} separated by
 * semicolons. A semicolon or colon inside a quoted string or a backtick-quoted name is part of it.
 */
public final class RowFilters {
    public static final String KEY = "row.filters";

    private RowFilters() {
    }

    /** @throws MappingException on the setting {@value #KEY}, naming the entry and what is wrong with it */
    public static Map<TableId, RowFilter> parse(String text) {
        Map<TableId, RowFilter> filters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String entry : entries(text)) {
            if (entry.isBlank()) {
                continue;
            }
            QualifiedNames.Prefix name;
            try {
                name = QualifiedNames.leading(entry);
            }
            catch (IllegalArgumentException e) {
                throw new MappingException(KEY, KEY + ": " + e.getMessage());
            }
            String rest = entry.substring(name.end()).trim();
            if (name.parts().size() != 2 || !rest.startsWith(":")) {
                throw new MappingException(KEY, KEY + ": '" + entry.trim() + "' is not of the form database.table: condition "
                        + "(separate entries with ';', quote names holding dots or colons in backticks)");
            }
            TableId table = new TableId(name.parts().get(0), name.parts().get(1));
            try {
                if (filters.put(table, RowFilter.parse(rest.substring(1))) != null) {
                    throw new MappingException(KEY, KEY + ": " + table + " has two filters; combine them with AND");
                }
            }
            catch (FilterException e) {
                throw new MappingException(KEY, KEY + ": the filter of " + table + " is not supported: " + e.getMessage());
            }
        }
        return filters;
    }

    /** Splits on semicolons outside single quotes and backticks. */
    static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && c == ';') {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '`')) {
                quote = c;
            }
            else if (c == quote) {
                quote = 0;
            }
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }
}
