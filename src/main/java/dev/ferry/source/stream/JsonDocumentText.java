package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonFormatter;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonStringFormatter;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * The text of a binlog's binary JSON document, with every double in its shortest round-trip form.
 * The binlog library's own formatter writes a double whose Java text has an exponent ({@code 1e308})
 * as its exact decimal expansion, 309 digits that MySQL's JSON parser reads back as a different
 * double ({@code 9.999999999999998e307}). Every other value is written as that formatter writes it.
 */
final class JsonDocumentText implements JsonFormatter {
    private final StringBuilder text = new StringBuilder();

    private JsonDocumentText() {
    }

    static String of(byte[] binary) throws IOException {
        if (binary.length == 0) {
            // An empty value is what the binlog holds for a JSON null written by some server versions.
            return "null";
        }
        JsonDocumentText formatter = new JsonDocumentText();
        JsonBinary.parse(binary, formatter);
        return formatter.text.toString();
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
    }

    @Override
    public void beginArray(int entries) {
        text.append('[');
    }

    @Override
    public void endObject() {
        text.append('}');
    }

    @Override
    public void endArray() {
        text.append(']');
    }

    @Override
    public void name(String name) {
        library(f -> f.value(name));
        text.append(':');
    }

    @Override
    public void nextEntry() {
        text.append(',');
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

    @Override
    public void valueDate(int year, int month, int day) {
        library(f -> f.valueDate(year, month, day));
    }

    @Override
    public void valueDatetime(int year, int month, int day, int hour, int min, int sec, int micros) {
        library(f -> f.valueDatetime(year, month, day, hour, min, sec, micros));
    }

    @Override
    public void valueTime(int hour, int min, int sec, int micros) {
        library(f -> f.valueTime(hour, min, sec, micros));
    }

    @Override
    public void valueTimestamp(long secondsPastEpoch, int micros) {
        library(f -> f.valueTimestamp(secondsPastEpoch, micros));
    }

    @Override
    public void valueOpaque(ColumnType type, byte[] value) {
        library(f -> f.valueOpaque(type, value));
    }
}
