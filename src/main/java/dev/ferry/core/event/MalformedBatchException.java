package dev.ferry.core.event;

/** The bytes of a Kafka record are not a change batch this version of Ferry can read. */
public class MalformedBatchException extends RuntimeException {
    public MalformedBatchException(String message) {
        super(message);
    }
}
