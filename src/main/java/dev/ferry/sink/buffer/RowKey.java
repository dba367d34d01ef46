package dev.ferry.sink.buffer;

import java.util.Arrays;

/** The key values of one row, compared by value (binary keys by content). */
public final class RowKey {
    private final Object[] values;
    private final int hash;

    private RowKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.deepHashCode(values);
    }

    /** The values at {@code keyIndexes} of a row image. */
    public static RowKey of(Object[] image, int[] keyIndexes) {
        Object[] values = new Object[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            values[i] = image[keyIndexes[i]];
        }
        return new RowKey(values);
    }

    /** The key values, in key column order. */
    public Object[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey that && hash == that.hash && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Deliberately without the values: keys are row data and stay out of logs. */
    @Override
    public String toString() {
        return "RowKey[" + values.length + " values]";
    }
}
