package io.streamnet.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset file (IDX images with optional labels, or a Kaggle CSV) and the ids its images get: image {@code i}
 * (0-based position in the file, whatever is skipped later) is {@code idPrefix + i}. Immutable and reopenable:
 * each {@link #open()} reads the file again from the start, so the same dataset with the same prefix always
 * yields the same ids (how {@code evaluate} matches predictions to the images {@code produce} sent).
 *
 * <p>Default prefixes: the bundled sample's {@link Sample#idPrefix()}; for a file, its name up to the first dot,
 * without a trailing {@code -idx3-ubyte}, plus a dash ({@code t10k-images-idx3-ubyte.gz} → {@code t10k-images-},
 * {@code train.csv} → {@code train-}).
 */
public final class Dataset {
    private final Source images;
    private final Source labels;
    private final boolean csv;
    private final String idPrefix;

    private Dataset(Source images, Source labels, boolean csv, String idPrefix) {
        this.images = images;
        this.labels = labels;
        this.csv = csv;
        this.idPrefix = idPrefix;
    }

    /** IDX images, with their IDX labels or, when {@code labels} is null, unlabelled. Opens nothing yet. */
    public static Dataset idx(Path images, Path labels) {
        Objects.requireNonNull(images, "images");
        return new Dataset(Source.file(images), labels == null ? null : Source.file(labels), false,
                defaultIdPrefix(images));
    }

    /** A Kaggle-layout CSV, with or without header and label column (see {@link CsvReader}). Opens nothing yet. */
    public static Dataset csv(Path file) {
        Objects.requireNonNull(file, "file");
        return new Dataset(Source.file(file), null, true, defaultIdPrefix(file));
    }

    /** Part of the sample bundled in the jar. */
    public static Dataset sample(Sample sample) {
        String labels = sample.labelsResource();
        return new Dataset(Source.resource(sample.resource()), labels == null ? null : Source.resource(labels),
                sample.csv(), sample.idPrefix());
    }

    /** The same files with ids {@code prefix + index}; the prefix may be empty. */
    public Dataset withIdPrefix(String prefix) {
        return new Dataset(images, labels, csv, Objects.requireNonNull(prefix, "prefix"));
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The id of the image at {@code index} (0-based, in file order). */
    public String id(long index) {
        return idPrefix + index;
    }

    /** The file names, for messages: {@code images.gz + labels.gz} or the CSV's. */
    public String name() {
        return labels == null ? images.name() : images.name() + " + " + labels.name();
    }

    /**
     * Opens the file(s) and checks the headers.
     *
     * @throws DatasetException (one line naming the file) when a file is missing, not what it claims, or the
     *                          image and label counts differ
     */
    public ImageReader open() {
        return csv ? CsvReader.open(images, idPrefix) : IdxReader.open(images, labels, idPrefix);
    }

    static String defaultIdPrefix(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        if (stem.endsWith("-idx3-ubyte")) {
            stem = stem.substring(0, stem.length() - "-idx3-ubyte".length());
        }
        return stem.isEmpty() ? "" : stem + "-";
    }

    @Override
    public String toString() {
        return "Dataset[" + name() + ", ids " + idPrefix + "<index>]";
    }
}
