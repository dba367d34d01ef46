package dev.ferry.sink.bind;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Rows rendered straight into bytes in the text form {@code LOAD DATA} reads with its default field
 * and line format (fields end with a tab, lines with a newline, {@code \} escapes) and
 * {@code CHARACTER SET utf8mb4}:
 *
 * <ul>
 *   <li>NULL is {@code \N}.</li>
 *   <li>Text (character data, JSON, ENUM, SET, DECIMAL, BIGINT UNSIGNED and temporal literals) is its
 *       UTF-8 bytes with {@code \}, tab, newline, carriage return and NUL escaped, so every string
 *       arrives as it is, {@code \N} and {@code NULL} included. A lone surrogate, which no utf8mb4
 *       value holds, becomes {@code ?} as Connector/J would send it.</li>
 *   <li>Integers are their decimal digits; FLOAT and DOUBLE the exact text of {@link ValueText}.</li>
 *   <li>Binary values (binary strings, BIT, GEOMETRY) are hexadecimal digits, which the statement
 *       turns back into the bytes with {@code UNHEX}: no character set conversion can touch them.</li>
 * </ul>
 *
 * One instance is reused: {@link #clear()} empties it and keeps its buffer.
 */
public final class LoadDataText {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[64 * 1024];
    private int size;
    private boolean rowStarted;

    public void clear() {
        size = 0;
        rowStarted = false;
    }

    /** Appends the next field of the current row. */
    public void field(Object value) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        if (value == null) {
            ensure(2);
            buffer[size++] = '\\';
            buffer[size++] = 'N';
        }
        else if (value instanceof String s) {
            text(s);
        }
        else if (value instanceof Long l) {
            ascii(Long.toString(l));
        }
        else if (value instanceof byte[] b) {
            hex(b);
        }
        else if (value instanceof Double d) {
            ascii(ValueText.doubleText(d));
        }
        else if (value instanceof Float f) {
            ascii(ValueText.floatText(f));
        }
        else {
            throw new IllegalArgumentException("No LOAD DATA text for a value of type " + value.getClass().getName());
        }
    }

    /** Ends the current row. */
    public void endRow() {
        put((byte) '\n');
        rowStarted = false;
    }

    /** How many bytes the rows take. */
    public int size() {
        return size;
    }

    /** The rendered rows, read from this instance's buffer without copying; valid until it changes. */
    public InputStream stream() {
        return new ByteArrayInputStream(buffer, 0, size);
    }

    /** The buffer holding the rendered rows in its first {@link #size()} bytes; valid until this instance changes. */
    public byte[] buffer() {
        return buffer;
    }

    /** A copy of the rendered bytes. */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(buffer, size);
    }

    private void text(String s) {
        if (s.length() < 16) {
            textByChar(s);
            return;
        }
        // The JDK encodes to UTF-8 with vectorized loops (a lone surrogate becomes '?', as below); escaping then
        // only has to look at bytes, and most values need none.
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(2 * utf8.length);
        byte[] out = buffer;
        int at = size;
        int copied = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            byte escaped = switch (b) {
                case '\\' -> (byte) '\\';
                case '\t' -> (byte) 't';
                case '\n' -> (byte) 'n';
                case '\r' -> (byte) 'r';
                case 0 -> (byte) '0';
                default -> -1;
            };
            if (escaped != -1) {
                System.arraycopy(utf8, copied, out, at, i - copied);
                at += i - copied;
                out[at++] = '\\';
                out[at++] = escaped;
                copied = i + 1;
            }
        }
        System.arraycopy(utf8, copied, out, at, utf8.length - copied);
        size = at + utf8.length - copied;
    }

    private void textByChar(String s) {
        int length = s.length();
        // At most three bytes per UTF-16 unit (a surrogate pair is two units for four bytes), escapes two.
        ensure(3 * length);
        byte[] out = buffer;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { out[at++] = '\\'; out[at++] = '\\'; }
                    case '\t' -> { out[at++] = '\\'; out[at++] = 't'; }
                    case '\n' -> { out[at++] = '\\'; out[at++] = 'n'; }
                    case '\r' -> { out[at++] = '\\'; out[at++] = 'r'; }
                    case '\0' -> { out[at++] = '\\'; out[at++] = '0'; }
                    default -> out[at++] = (byte) c;
                }
            }
            else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (cp & 0x3F));
            }
            else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            }
            else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private void ascii(String s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) s.charAt(i);
        }
    }

    private void hex(byte[] bytes) {
        ensure(2 * bytes.length);
        byte[] out = buffer;
        int at = size;
        for (byte b : bytes) {
            out[at++] = HEX[(b >> 4) & 0x0F];
            out[at++] = HEX[b & 0x0F];
        }
        size = at;
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > buffer.length) {
            long grown = Math.max(needed, 2L * buffer.length);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("LOAD DATA rows exceed 2 GB in one chunk");
            }
            buffer = java.util.Arrays.copyOf(buffer, (int) grown);
        }
    }
}
