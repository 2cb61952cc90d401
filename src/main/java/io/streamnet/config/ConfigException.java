package io.streamnet.config;

/** A setting with a value the service cannot use; the message is one line that names the setting and the fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
