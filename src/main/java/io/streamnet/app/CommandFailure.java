package io.streamnet.app;

/** A command that cannot go on for a reason the user can fix (a taken port, an unreachable broker): one line, no stack trace. */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
