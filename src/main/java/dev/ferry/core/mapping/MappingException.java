package dev.ferry.core.mapping;

/** A selection, mapping or filter setting that cannot work, with the setting to change. */
public class MappingException extends IllegalArgumentException {
    private final String configKey;

    public MappingException(String configKey, String message) {
        super(message);
        this.configKey = configKey;
    }

    /** The setting the message concerns. */
    public String configKey() {
        return configKey;
    }
}
