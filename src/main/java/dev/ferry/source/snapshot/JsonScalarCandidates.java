package dev.ferry.source.snapshot;

import dev.ferry.core.schema.TypedJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scalars of a JSON document's text that may be typed ones JSON text cannot spell: every number
 * written without an exponent (MySQL prints a DECIMAL as one, {@code 1.50}, and one of scale 0 as an
 * integer), every string that reads as MySQL prints a DATE, TIME, DATETIME or TIMESTAMP, and every
 * string starting {@code base64:type}, as MySQL prints an opaque (BLOB, BIT, BINARY...) scalar. Only the source can
 * tell which of them are typed ({@code JSON_TYPE} at each path); {@link #typed} turns its answers into
 * the scalars a {@link TypedJson} value carries, the same as the binlog path records.
 *
 * <p>Paths are written with each member name as the JSON string literal the text holds, which MySQL's
 * path syntax accepts as a quoted name: {@code $."k\"ey"[2]}.
 */
final class JsonScalarCandidates {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    private static final Pattern TIME = Pattern.compile("-?\\d{2,4}:\\d{2}:\\d{2}\\.\\d{6}");
    private static final Pattern OPAQUE = Pattern.compile("base64:type(\\d{1,3}):([A-Za-z0-9+/=]*(?:\\\\n[A-Za-z0-9+/=]*)*)");

    /**
     * One scalar that may be typed.
     *
     * @param path its MySQL JSON path
     * @param text the number as written, or the string's content
     * @param number whether it is a number (else a string)
     * @param end the index in the document's text just after it
     */
    record Candidate(String path, String text, boolean number, int end) {
        Candidate withText(String other) {
            return new Candidate(path, other, number, end);
        }
    }

    private static final int MAX_TIME_HOURS = 838;

    private final String json;
    private int at;
    private final List<Candidate> found = new ArrayList<>();

    private JsonScalarCandidates(String json) {
        this.json = json;
    }

    /** The candidates of a document's text as MySQL prints it, in document order. */
    static List<Candidate> of(String json) {
        JsonScalarCandidates parser = new JsonScalarCandidates(json);
        parser.value("$");
        parser.skipSpace();
        if (parser.at != json.length()) {
            throw parser.malformed();
        }
        return parser.found;
    }

    /**
     * The typed scalars among {@code candidates}, given the source's {@code JSON_TYPE} of each (same
     * order): DECIMAL as {@code DECIMAL(M,D)} with the digits and scale written, DATE, TIME and
     * DATETIME with the text MySQL printed. Other types (numbers that are INTEGER or DOUBLE, strings)
     * are what the text already says.
     */
    static List<TypedJson.Scalar> typed(List<Candidate> candidates, List<String> types) {
        if (candidates.size() != types.size()) {
            throw new IllegalArgumentException(types.size() + " types for " + candidates.size() + " JSON scalars");
        }
        List<TypedJson.Scalar> typed = new ArrayList<>(0);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            String type = types.get(i);
            if (c.number() && type.equals("DECIMAL")) {
                typed.add(TypedJson.Scalar.decimal(c.path(), new BigDecimal(c.text())));
            }
            else if (!c.number()) {
                switch (type) {
                    case "DATE" -> typed.add(new TypedJson.Scalar(c.path(), "DATE", c.text()));
                    case "TIME" -> typed.add(new TypedJson.Scalar(c.path(), "TIME(6)", c.text()));
                    case "DATETIME" -> typed.add(new TypedJson.Scalar(c.path(), "DATETIME(6)", c.text()));
                    case "TIMESTAMP" -> typed.add(TypedJson.Scalar.timestamp(c.path(), c.text()));
                    case "BLOB", "BIT", "OPAQUE" -> typed.add(opaque(c));
                    default -> {
                    }
                }
            }
        }
        return typed;
    }

    /** The opaque scalar MySQL printed as {@code "base64:typeNN:<base64>"} (its base64 broken into lines, each {@code \n} escaped). */
    static TypedJson.Scalar opaque(Candidate c) {
        var printed = OPAQUE.matcher(c.text());
        if (!printed.matches()) {
            throw new IllegalArgumentException("an opaque JSON scalar printed as " + c.text() + " at " + c.path());
        }
        byte[] bytes = java.util.Base64.getDecoder().decode(printed.group(2).replace("\\n", ""));
        return TypedJson.Scalar.opaque(c.path(), Integer.parseInt(printed.group(1)), bytes);
    }

    /**
     * The document's text with every DOUBLE among {@code candidates} (by the source's {@code types}) that
     * is written as an integer given a {@code .0}: MySQL 5.7 prints the double 1.0 as {@code 1}, which
     * any JSON parser reads back as the integer 1.
     */
    static String doublesAsDoubles(String json, List<Candidate> candidates, List<String> types) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.number() && types.get(i).equals("DOUBLE") && c.text().chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9'))) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16);
                }
                out.append(json, copied, c.end()).append(".0");
                copied = c.end();
            }
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    /**
     * The TIME values whose JSON scalar MySQL prints as {@code literal}, the printed one first, then
     * from the largest. MySQL 8.0.15 and 5.7.22 store a TIME of 32 hours or more in JSON as if its
     * packed value were a DATETIME's: {@code h} hours are stored as {@code 24 * (h / 32) + h % 32}
     * (838:59:59 as 630:59:59, 30 and 38 hours both as 30). A value compared with such a scalar is
     * stored the same way first, so the source is asked which reading its scalar equals, and the
     * destination, storing that reading, stores what the source holds. A literal under 24 hours is the
     * only reading.
     */
    static List<String> timeReadings(String literal) {
        boolean negative = literal.startsWith("-");
        int colon = literal.indexOf(':');
        int printed = Integer.parseInt(literal, negative ? 1 : 0, colon, 10);
        if (printed < 24) {
            return List.of(literal);
        }
        List<String> readings = new ArrayList<>(3);
        readings.add(literal);
        String rest = literal.substring(colon);
        for (int hours = MAX_TIME_HOURS; hours >= 24; hours--) {
            if (hours != printed && 24 * (hours >> 5) + (hours & 31) == printed) {
                readings.add((negative ? "-" : "") + String.format("%02d", hours) + rest);
            }
        }
        return readings;
    }

    /** Whether a string candidate reads as a TIME. */
    static boolean isTime(Candidate candidate) {
        return !candidate.number() && TIME.matcher(candidate.text()).matches();
    }

    private void value(String path) {
        skipSpace();
        if (at >= json.length()) {
            throw malformed();
        }
        char c = json.charAt(at);
        switch (c) {
            case '{' -> object(path);
            case '[' -> array(path);
            case '"' -> {
                int start = at;
                int end = endOfString(start);
                at = end;
                String content = json.substring(start + 1, end - 1);
                if (DATE.matcher(content).matches() || DATETIME.matcher(content).matches() || TIME.matcher(content).matches()
                        || content.startsWith("base64:type")) {
                    found.add(new Candidate(path, content, false, at));
                }
            }
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number(path);
        }
    }

    private void object(String path) {
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw malformed();
            }
            int start = at;
            at = endOfString(start);
            String member = path + "." + json.substring(start, at);
            skipSpace();
            if (peek() != ':') {
                throw malformed();
            }
            at++;
            value(member);
            skipSpace();
            char c = peek();
            at++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    private void array(String path) {
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return;
        }
        for (int index = 0; ; index++) {
            value(path + "[" + index + "]");
            skipSpace();
            char c = peek();
            at++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw malformed();
            }
        }
    }

    private void number(String path) {
        int start = at;
        boolean exponent = false;
        while (at < json.length() && "+-0123456789.eE".indexOf(json.charAt(at)) >= 0) {
            exponent |= json.charAt(at) == 'e' || json.charAt(at) == 'E';
            at++;
        }
        if (start == at) {
            throw malformed();
        }
        // MySQL writes a DECIMAL without an exponent; a number with one is a DOUBLE.
        if (!exponent) {
            found.add(new Candidate(path, json.substring(start, at), true, at));
        }
    }

    private void word(String word) {
        if (!json.startsWith(word, at)) {
            throw malformed();
        }
        at += word.length();
    }

    /** The index just after the string literal that starts at {@code start}. */
    private int endOfString(int start) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '"') {
                return i + 1;
            }
            else {
                i++;
            }
        }
        throw malformed();
    }

    private char peek() {
        if (at >= json.length()) {
            throw malformed();
        }
        return json.charAt(at);
    }

    private void skipSpace() {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("JSON text the source printed could not be read at character " + at);
    }
}
