package dev.ferry.core.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the names in mapping settings: dot-separated parts ({@code db}, {@code db.table},
 * {@code db.table.column}), each bare or quoted in backticks (a doubled backtick stands for one), so
 * names holding dots, commas, colons or spaces can be written: {@code `my.db`.`order lines`}.
 */
final class QualifiedNames {
    private final String text;
    private int pos;

    private QualifiedNames(String text) {
        this.text = text;
    }

    /** One source-to-destination pair per comma-separated entry: {@code source:destination}. */
    static List<Pair> pairs(String text) {
        List<Pair> pairs = new ArrayList<>();
        QualifiedNames in = new QualifiedNames(text);
        in.skipSpaces();
        while (in.pos < text.length()) {
            List<String> source = in.name();
            in.expect(':');
            List<String> destination = in.name();
            pairs.add(new Pair(source, destination));
            in.skipSpaces();
            if (in.pos < text.length()) {
                in.expect(',');
                in.skipSpaces();
            }
        }
        return pairs;
    }

    /** Reads one qualified name at the start of {@code text}; returns the parts and where it ended. */
    static Prefix leading(String text) {
        QualifiedNames in = new QualifiedNames(text);
        in.skipSpaces();
        List<String> parts = in.name();
        return new Prefix(parts, in.pos);
    }

    /** A source name and the destination name it maps to. */
    record Pair(List<String> source, List<String> destination) {
    }

    /** A name read from the start of a text, and the index just after it. */
    record Prefix(List<String> parts, int end) {
    }

    private List<String> name() {
        List<String> parts = new ArrayList<>();
        parts.add(part());
        while (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            parts.add(part());
        }
        skipSpaces();
        return parts;
    }

    private String part() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '`') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && ".:,`".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String part = text.substring(start, pos).trim();
        if (part.isEmpty()) {
            throw new IllegalArgumentException("expected a name at character " + (start + 1) + " of '" + text + "'");
        }
        return part;
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unclosed backtick in '" + text + "'");
            }
            char c = text.charAt(pos++);
            if (c == '`') {
                if (pos < text.length() && text.charAt(pos) == '`') {
                    out.append('`');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at character " + (pos + 1) + " of '" + text + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
