package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonFormatter;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonStringFormatter;

import dev.ferry.core.schema.TypedJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text of a binlog's binary JSON document, with every double in its shortest round-trip form.
 * The binlog library's own formatter writes a double whose Java text has an exponent ({@code 1e308})
 * as its exact decimal expansion, 309 digits that MySQL's JSON parser reads back as a different
 * double ({@code 9.999999999999998e307}). Every other value is written as that formatter writes it.
 *
 * <p>DECIMAL, DATE, TIME, DATETIME, TIMESTAMP and opaque (BLOB, BIT, BINARY...) scalars, which JSON text cannot type, are also recorded with
 * their paths, and the document is then carried as a {@link TypedJson} value the destination
 * rebuilds exactly. TIME scalars are decoded by Ferry ({@link SignedTimes}): the library decodes a
 * negative one's parts wrongly.
 */
final class JsonDocumentText implements JsonFormatter {
    private final StringBuilder text = new StringBuilder();
    /** The containers around the current value, innermost first. */
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<TypedJson.Scalar> typed = new ArrayList<>(0);
    /** Whether the opaque value being read is a TIMESTAMP (the library hands it over as a DATETIME). */
    private boolean timestamp;

    /** An object (with the current member's name) or an array (with the current element's index). */
    private static final class Frame {
        final boolean array;
        String name;
        int index;

        Frame(boolean array) {
            this.array = array;
        }
    }

    JsonDocumentText() {
    }

    /** The column value for what this formatter was given: the text, or a {@link TypedJson} encoding. */
    String value() {
        return TypedJson.valueOf(text.toString(), typed);
    }

    static String of(byte[] binary) throws IOException {
        if (binary.length == 0) {
            // An empty value is what the binlog holds for a JSON null written by some server versions.
            return "null";
        }
        JsonDocumentText formatter = new JsonDocumentText();
        new SignedTimes(binary).parse(formatter);
        return formatter.value();
    }

    /**
     * The binlog library's reader of binary JSON with TIME scalars read as MySQL packs them
     * ({@code TIME_to_longlong_time_packed}): a negative TIME is the negation of the positive one's
     * packed value, so the sign is taken first and the parts come from the absolute value. The library
     * shifts and takes Java remainders of the negative value itself, which garbles every part (and
     * makes {@code -12:00:00} look like {@code 12:00:00}).
     */
    private static final class SignedTimes extends JsonBinary {
        /** MySQL's field type codes of TIMESTAMP, which the library reads as a DATETIME. */
        private static final int TIMESTAMP = 7;
        private static final int TIMESTAMP2 = 17;
        private final ByteArrayInputStream in;

        SignedTimes(byte[] bytes) {
            this(new ByteArrayInputStream(bytes));
        }

        private SignedTimes(ByteArrayInputStream in) {
            super(in);
            this.in = in;
        }

        @Override
        protected void parseOpaque(JsonFormatter formatter) throws IOException {
            int type = in.peek();
            ((JsonDocumentText) formatter).timestamp = type == TIMESTAMP || type == TIMESTAMP2;
            super.parseOpaque(formatter);
            ((JsonDocumentText) formatter).timestamp = false;
        }

        @Override
        protected void parseTime(JsonFormatter formatter) throws IOException {
            long packed = readInt64();
            boolean negative = packed < 0;
            long magnitude = Math.abs(packed);
            long hms = magnitude >> 24;
            ((JsonDocumentText) formatter).time(negative, (int) ((hms >> 12) % (1 << 10)), (int) ((hms >> 6) % (1 << 6)),
                    (int) (hms % (1 << 6)), (int) (magnitude % (1 << 24)));
        }
    }

    /** The MySQL JSON path of the current value, e.g. {@code $."a"[2]}. */
    private String path() {
        StringBuilder path = new StringBuilder("$");
        var outermostFirst = frames.descendingIterator();
        while (outermostFirst.hasNext()) {
            Frame frame = outermostFirst.next();
            if (frame.array) {
                path.append('[').append(frame.index).append(']');
            }
            else {
                path.append(".\"");
                for (int i = 0; i < frame.name.length(); i++) {
                    char c = frame.name.charAt(i);
                    if (c == '"' || c == '\\') {
                        path.append('\\').append(c);
                    }
                    else if (c < 0x20) {
                        // A path's quoted name is a JSON string: control characters only as escapes.
                        path.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        path.append(c);
                    }
                }
                path.append('"');
            }
        }
        return path.toString();
    }

    private void typed(String type, String literal) {
        typed.add(new TypedJson.Scalar(path(), type, literal));
    }

    /** One scalar as the binlog library writes it. */
    private void library(Consumer<JsonStringFormatter> write) {
        JsonStringFormatter single = new JsonStringFormatter();
        write.accept(single);
        text.append(single.getString());
    }

    @Override
    public void value(double value) {
        // Java's shortest round-trip text is valid JSON ("1.0E308", "4.9E-324"); NaN and infinities cannot occur.
        text.append(Double.toString(value));
    }

    @Override
    public void beginObject(int entries) {
        text.append('{');
        frames.push(new Frame(false));
    }

    @Override
    public void beginArray(int entries) {
        text.append('[');
        frames.push(new Frame(true));
    }

    @Override
    public void endObject() {
        text.append('}');
        frames.pop();
    }

    @Override
    public void endArray() {
        text.append(']');
        frames.pop();
    }

    @Override
    public void name(String name) {
        library(f -> f.value(name));
        text.append(':');
        frames.peek().name = name;
    }

    @Override
    public void nextEntry() {
        text.append(',');
        Frame frame = frames.peek();
        if (frame.array) {
            frame.index++;
        }
    }

    @Override
    public void value(String value) {
        library(f -> f.value(value));
    }

    @Override
    public void value(int value) {
        text.append(value);
    }

    @Override
    public void value(long value) {
        text.append(value);
    }

    @Override
    public void value(BigInteger value) {
        text.append(value);
    }

    @Override
    public void value(BigDecimal value) {
        library(f -> f.value(value));
        typed.add(TypedJson.Scalar.decimal(path(), value));
    }

    @Override
    public void value(boolean value) {
        text.append(value);
    }

    @Override
    public void valueNull() {
        text.append("null");
    }

    @Override
    public void valueYear(int year) {
        library(f -> f.valueYear(year));
    }

    // DATE, DATETIME and TIME scalars are written as strings (as the library does, but without its assertions that
    // reject hours above 99) and recorded as typed scalars; the destination sets them with their types.
    @Override
    public void valueDate(int year, int month, int day) {
        temporal("DATE", String.format("%04d-%02d-%02d", year, month, day));
    }

    @Override
    public void valueDatetime(int year, int month, int day, int hour, int min, int sec, int micros) {
        // The library takes the minute as (int) (packed >> 6) % 64, which is negative from the year 2521 on, when that
        // int overflows; its low six bits are still the minute's.
        int minute = Math.floorMod(min, 64);
        temporal(timestamp ? "TIMESTAMP(6)" : "DATETIME(6)", String.format("%04d-%02d-%02d %02d:%02d:%02d.%06d", year, month, day, hour, minute, sec, micros));
    }

    @Override
    public void valueTime(int hour, int min, int sec, int micros) {
        time(false, hour, min, sec, micros);
    }

    /** A TIME scalar, {@code -00:00:00.500000} included, as the value whose storing stores it (see {@link #hoursStoredAs}). */
    void time(boolean negative, int hour, int min, int sec, int micros) {
        temporal("TIME(6)", String.format("%s%02d:%02d:%02d.%06d", negative ? "-" : "", hoursStoredAs(hour), min, sec, micros));
    }

    /**
     * The hours of the TIME that MySQL stores in JSON with {@code stored} hours. MySQL 8.0.15 and 5.7.22
     * store {@code h} hours of 32 or more as {@code 24 * (h / 32) + h % 32} (838:59:59 as 630:59:59);
     * the destination, given the largest such {@code h}, stores what the source holds. Hours no TIME is
     * stored as are kept.
     */
    static int hoursStoredAs(int stored) {
        if (stored < 32) {
            return stored;
        }
        for (int hours = 838; hours >= 32; hours--) {
            if (24 * (hours >> 5) + (hours & 31) == stored) {
                return hours;
            }
        }
        return stored;
    }

    private void temporal(String type, String literal) {
        text.append('"').append(literal).append('"');
        typed(type, literal);
    }

    @Override
    public void valueTimestamp(long secondsPastEpoch, int micros) {
        library(f -> f.valueTimestamp(secondsPastEpoch, micros));
    }

    /** An opaque scalar (a BLOB, BIT, BINARY... value), written as MySQL prints it, {@code "base64:typeNN:<base64>"}, and recorded with its bytes. */
    @Override
    public void valueOpaque(ColumnType type, byte[] value) {
        text.append("\"base64:type").append(type.getCode()).append(':').append(java.util.Base64.getEncoder().encodeToString(value)).append('"');
        typed.add(TypedJson.Scalar.opaque(path(), type.getCode(), value));
    }
}
