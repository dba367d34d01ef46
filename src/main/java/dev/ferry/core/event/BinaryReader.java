package dev.ferry.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote; throws {@link MalformedBatchException} on truncated input. */
final class BinaryReader {
    private final byte[] buf;
    private int pos;

    BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    int readByte() {
        require(1);
        return buf[pos++] & 0xFF;
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedBatchException("variable-length integer longer than 64 bits at byte " + pos);
    }

    long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int readFixedInt() {
        require(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long readFixedLong() {
        return ((long) readFixedInt() << 32) | (readFixedInt() & 0xFFFFFFFFL);
    }

    byte[] readBytes() {
        int length = readLength();
        require(length);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return out;
    }

    String readString() {
        int length = readLength();
        require(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    String readOptionalString() {
        return readByte() == 0 ? null : readString();
    }

    /** A count of items that each take at least one byte, so it cannot exceed what is left. */
    int readCount() {
        long count = readVarLong();
        if (count < 0 || count > buf.length - pos) {
            throw new MalformedBatchException("impossible count " + count + " at byte " + pos);
        }
        return (int) count;
    }

    boolean exhausted() {
        return pos == buf.length;
    }

    private int readLength() {
        long length = readVarLong();
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new MalformedBatchException("impossible length " + length + " at byte " + pos);
        }
        return (int) length;
    }

    private void require(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new MalformedBatchException("truncated: needs " + n + " more bytes at byte " + pos + " of " + buf.length);
        }
    }
}
