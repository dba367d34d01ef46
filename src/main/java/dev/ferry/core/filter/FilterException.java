package dev.ferry.core.filter;

/** A row filter Ferry cannot parse or cannot evaluate exactly, with the reason. */
public class FilterException extends IllegalArgumentException {
    public FilterException(String message) {
        super(message);
    }
}
