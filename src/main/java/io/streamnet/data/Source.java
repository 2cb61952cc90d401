package io.streamnet.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where a dataset file's bytes come from (a path or a classpath resource), and how they are opened: gzip is
 * recognised by its magic bytes {@code 1f 8b}, whatever the file is called. Also turns I/O failures into
 * one-line {@link DatasetException}s that name the file.
 */
final class Source {
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final Opener opener;

    private interface Opener {
        InputStream open() throws IOException;
    }

    private Source(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    static Source file(Path path) {
        return new Source(path.toString(), () -> {
            if (Files.isDirectory(path)) {
                throw new FileSystemException(path.toString(), null, "a directory, not a file");
            }
            return Files.newInputStream(path);
        });
    }

    static Source resource(String path) {
        return new Source("classpath:" + path, () -> {
            InputStream in = Source.class.getResourceAsStream(path);
            if (in == null) {
                throw new NoSuchFileException(path);
            }
            return in;
        });
    }

    String name() {
        return name;
    }

    /** The file's bytes, gunzipped when they start with the gzip magic, buffered. */
    InputStream open() {
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(opener.open(), BUFFER);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
        } catch (IOException e) {
            closeQuietly(raw);
            throw failure(e, "the gzip header");
        }
    }

    /** A problem with the file's content: {@code "<file>: <what>"}. */
    DatasetException problem(String what) {
        return new DatasetException(name + ": " + what);
    }

    /** An I/O failure while reading {@code where} (e.g. "image 1,234 of 60,000"), as one line. */
    DatasetException failure(IOException e, String where) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new DatasetException(name + ": permission denied", e);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return new DatasetException(name + ": " + fs.getReason(), e);
        }
        if (e instanceof EOFException) {
            return new DatasetException(name + ": truncated, the file ends inside " + where, e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(name + ": corrupt gzip data in " + where + " (" + e.getMessage() + ")", e);
        }
        return new DatasetException(name + ": cannot read " + where + " (" + e.getMessage() + ")", e);
    }

    static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // already failing or done reading; the first problem is the one worth reporting
                }
            }
        }
    }
}
