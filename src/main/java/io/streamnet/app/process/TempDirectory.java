package io.streamnet.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A new directory under the system's temporary directory for what a command starts (broker data, Kafka Streams
 * state, copied files), removed with everything in it by {@link #close()}: a broker's data alone can be gigabytes.
 */
public final class TempDirectory implements AutoCloseable {
    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    /** Creates {@code <tmp>/<prefix><random>}. */
    public static TempDirectory create(String prefix) {
        try {
            return new TempDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes the directory and its contents; a file that cannot be deleted is left, and nothing is thrown. */
    @Override
    public synchronized void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is no reason to fail the command that used it
        }
    }
}
