package io.streamnet.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A command that cannot go on for a reason the user can fix (a taken port, an unreachable broker): one line, no stack trace. */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A directory that cannot be created or written, said with what the file system said and the flag that moves it. */
    static CommandFailure unusableDirectory(String what, Path dir, IOException e, String flag) {
        return new CommandFailure("cannot use " + what + " " + dir + " (" + reason(e) + "); pass " + flag
                + " a writable directory", e);
    }

    /** What the file system said, in words rather than the exception's class name. */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way"; // createDirectories found a file where a directory should be
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
