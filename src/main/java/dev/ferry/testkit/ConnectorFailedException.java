package dev.ferry.testkit;

/** A connector or one of its tasks is FAILED; the message carries the worker's stack trace. */
public class ConnectorFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ConnectorStatus status;

    public ConnectorFailedException(ConnectorStatus status, String failure) {
        super("Connector " + status.name() + " failed: " + failure);
        this.status = status;
    }

    public ConnectorStatus status() {
        return status;
    }
}
