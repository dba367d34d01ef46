package dev.ferry.testkit;

/** A MySQL, Kafka or Connect process did not come up; the message carries the tail of its log. */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
