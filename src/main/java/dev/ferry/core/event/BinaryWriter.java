package dev.ferry.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An append-only byte buffer with variable-length integers, for {@link ChangeBatchCodec}. */
final class BinaryWriter {
    private byte[] buf;
    private int size;

    BinaryWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** Unsigned LEB128. */
    void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** Zig-zag encoded, so small negative numbers stay short. */
    void writeSignedVarLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    void writeFixedInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void writeFixedLong(long v) {
        writeFixedInt((int) (v >>> 32));
        writeFixedInt((int) v);
    }

    void writeBytes(byte[] bytes) {
        writeVarLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    void writeString(String s) {
        writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that may be null. */
    void writeOptionalString(String s) {
        writeByte(s == null ? 0 : 1);
        if (s != null) {
            writeString(s);
        }
    }

    /** The written bytes: the buffer itself when it is exactly full, else a copy. */
    byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(buf.length + (buf.length >> 1), (long) size + more)));
        }
    }
}
