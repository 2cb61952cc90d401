package io.streamnet.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One broker per data directory. Kafka's own lock is taken by the broker half only after the controller half has
 * opened the metadata log, so a second broker on the same directory could write to it before failing; this lock is
 * taken first.
 */
final class DataDirLock implements AutoCloseable {
    private static final String FILE = ".streamnet-broker.lock";

    private final FileChannel channel;

    private DataDirLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Locks {@code dataDir} (creating it) or throws {@link DataDirInUseException} if a broker already holds it. */
    static DataDirLock acquire(Path dataDir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirInUseException(dataDir);
            }
            return new DataDirLock(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use data directory " + dataDir, e);
        }
    }

    /** Null when another process holds the lock; the same when this JVM does (Java throws for that case). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing releases the lock; there is nothing more to undo
        }
    }

    /** Releases the lock (the file stays, empty). */
    @Override
    public void close() {
        closeQuietly(channel);
    }
}
