package io.streamnet.data;

/** A dataset file that cannot be read as what it claims to be; the message is one line naming the file and the problem. */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
