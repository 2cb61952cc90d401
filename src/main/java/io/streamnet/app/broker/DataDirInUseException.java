package io.streamnet.app.broker;

import java.nio.file.Path;

/** Another broker, in this process or another, already runs on this data directory. */
public final class DataDirInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path dataDir;

    public DataDirInUseException(Path dataDir) {
        super("data directory " + dataDir + " is in use by another broker");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
