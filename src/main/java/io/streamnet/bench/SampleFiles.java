package io.streamnet.bench;

import io.streamnet.app.process.TempDirectory;
import io.streamnet.data.Dataset;
import io.streamnet.data.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four IDX files of the sample (training and held-out images and labels, gzip) in one directory, where both
 * the Java benchmark and the numpy reference read them: a directory given by the user, or the sample bundled in the
 * jar copied to a temporary directory.
 */
record SampleFiles(Path directory, TempDirectory copy) {
    private static final Sample[] PARTS = {Sample.TRAIN, Sample.TEST};

    /** The sample's files in {@code directory}, which must hold all four. */
    static SampleFiles in(Path directory) {
        SampleFiles files = new SampleFiles(directory, null);
        for (Path p : files.peerArguments()) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no " + p.getFileName() + " in " + directory);
            }
        }
        return files;
    }

    /** The bundled sample copied out of the jar to a new temporary directory; {@link #close()} deletes it. */
    static SampleFiles extractBundled() {
        TempDirectory dir = TempDirectory.create("streamnet-bench-");
        try {
            for (Sample part : PARTS) {
                copy(part.resource(), dir.path());
                copy(part.labelsResource(), dir.path());
            }
            return new SampleFiles(dir.path(), dir);
        } catch (IOException e) {
            dir.close();
            throw new UncheckedIOException("cannot copy the bundled sample to a temporary directory", e);
        }
    }

    /** The training images with their labels, as a dataset the Java side reads. */
    Dataset training() {
        return Dataset.idx(file(Sample.TRAIN.resource()), file(Sample.TRAIN.labelsResource()));
    }

    /** The peer's four positional arguments: training images, training labels, held-out images, held-out labels. */
    List<Path> peerArguments() {
        List<Path> args = new ArrayList<>();
        for (Sample part : PARTS) {
            args.add(file(part.resource()));
            args.add(file(part.labelsResource()));
        }
        return args;
    }

    /** Deletes the directory when it is a temporary copy; never throws. */
    void close() {
        if (copy != null) {
            copy.close();
        }
    }

    private Path file(String resource) {
        return directory.resolve(resource.substring(Sample.RESOURCE_DIR.length()));
    }

    private static void copy(String resource, Path dir) throws IOException {
        try (InputStream in = SampleFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the jar holds no " + resource);
            }
            Files.copy(in, dir.resolve(resource.substring(Sample.RESOURCE_DIR.length())));
        }
    }
}
