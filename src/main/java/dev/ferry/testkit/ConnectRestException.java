package dev.ferry.testkit;

/** A Kafka Connect REST call answered with an unexpected HTTP status. */
public class ConnectRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String body;

    public ConnectRestException(String request, int statusCode, String body) {
        super(request + " answered HTTP " + statusCode + ": " + body);
        this.statusCode = statusCode;
        this.body = body;
    }

    public int statusCode() {
        return statusCode;
    }

    public String body() {
        return body;
    }
}
