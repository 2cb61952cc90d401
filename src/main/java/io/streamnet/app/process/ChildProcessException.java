package io.streamnet.app.process;

/** A child process did not do what was waited for; the message includes its last output. */
public final class ChildProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChildProcessException(String message) {
        super(message);
    }
}
