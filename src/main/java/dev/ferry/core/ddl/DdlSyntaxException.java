package dev.ferry.core.ddl;

/** DDL text Ferry cannot take apart (an unterminated string, identifier or comment, or an unexpected shape). */
public final class DdlSyntaxException extends RuntimeException {
    public DdlSyntaxException(String message) {
        super(message);
    }
}
