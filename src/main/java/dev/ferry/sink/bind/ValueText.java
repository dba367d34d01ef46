package dev.ferry.sink.bind;

/**
 * The exact text the sink sends for FLOAT and DOUBLE values, shared by the statement binders and
 * the {@code LOAD DATA} rows so both paths store the same bits.
 */
public final class ValueText {
    private ValueText() {
    }

    /**
     * A FLOAT as the decimal text of the float widened to a double. The float is exactly that double;
     * MySQL parses the text to that double (correctly rounded, so exactly) and narrows it to the same
     * float. The float's own shortest text is a different double for MySQL: the largest FLOAT then
     * overflows.
     */
    public static String floatText(float value) {
        return Double.toString(value);
    }

    /** A DOUBLE as Java's shortest round-trip text, which MySQL parses back to the same bits, {@code -0.0} included. */
    public static String doubleText(double value) {
        return Double.toString(value);
    }
}
