package dev.ferry.core.sql;

import dev.ferry.core.TableId;

import java.util.List;

/**
 * Builds SQL text. Identifiers always go through {@link #identifier} (backtick-quoted, backticks
 * doubled); values always go through placeholders. Only fixed keyword text is appended raw.
 */
public final class SqlBuilder {
    private final StringBuilder sql;

    public SqlBuilder() {
        this(128);
    }

    public SqlBuilder(int capacity) {
        sql = new StringBuilder(capacity);
    }

    /** The MySQL quoted form of an identifier. */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Appends fixed SQL text: keywords, operators, punctuation. Never data or names. */
    public SqlBuilder sql(String text) {
        sql.append(text);
        return this;
    }

    public SqlBuilder identifier(String name) {
        sql.append(quote(name));
        return this;
    }

    public SqlBuilder table(TableId id) {
        sql.append(quote(id.database())).append('.').append(quote(id.table()));
        return this;
    }

    /** {@code `a`, `b`, `c`} */
    public SqlBuilder identifiers(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            identifier(names.get(i));
        }
        return this;
    }

    /** {@code ?, ?, ?} */
    public SqlBuilder placeholders(int count) {
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return this;
    }

    /** A string literal, for the few statements that take no placeholders (DDL). */
    public SqlBuilder literal(String value) {
        sql.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> sql.append("''");
                case '\\' -> sql.append("\\\\");
                case '\0' -> sql.append("\\0");
                default -> sql.append(c);
            }
        }
        sql.append('\'');
        return this;
    }

    public int length() {
        return sql.length();
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
