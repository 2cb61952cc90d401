package io.streamnet.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * Reads MNIST's IDX files: an image file (big-endian int32 magic {@code 0x00000803}, count, rows = 28, columns = 28,
 * then count × 784 unsigned pixel bytes, row-major) and optionally its label file (magic {@code 0x00000801},
 * count, then count label bytes 0–9). Headers are checked when the reader is opened (magic, 28 × 28, equal counts);
 * truncation, bad labels and trailing data are reported when the images are read. Image {@code i} (0-based) gets
 * the id {@code idPrefix + i}.
 */
final class IdxReader implements ImageReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private final Source imagesSource;
    private final Source labelsSource;
    private final DataInputStream images;
    private final DataInputStream labels;
    private final int count;
    private final String idPrefix;
    private int index;

    private IdxReader(Source imagesSource, DataInputStream images, Source labelsSource, DataInputStream labels,
                      int count, String idPrefix) {
        this.imagesSource = imagesSource;
        this.images = images;
        this.labelsSource = labelsSource;
        this.labels = labels;
        this.count = count;
        this.idPrefix = idPrefix;
    }

    /** Opens the image file and, unless {@code labelsSource} is null, its labels; checks both headers. */
    static IdxReader open(Source imagesSource, Source labelsSource, String idPrefix) {
        DataInputStream images = null;
        DataInputStream labels = null;
        try {
            images = new DataInputStream(imagesSource.open());
            int count = imagesHeader(imagesSource, images);
            if (labelsSource != null) {
                labels = new DataInputStream(labelsSource.open());
                int labelCount = labelsHeader(labelsSource, labels);
                if (labelCount != count) {
                    throw labelsSource.problem(String.format(Locale.ROOT, "%,d labels for %,d images in %s",
                            labelCount, count, imagesSource.name()));
                }
            }
            return new IdxReader(imagesSource, images, labelsSource, labels, count, idPrefix);
        } catch (RuntimeException e) {
            Source.closeQuietly(images, labels);
            throw e;
        }
    }

    private static int imagesHeader(Source source, DataInputStream in) {
        try {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw source.problem("expected IDX images (magic 0x00000803) but " + describe(magic));
            }
            int count = nonNegative(source, in.readInt());
            int rows = in.readInt();
            int columns = in.readInt();
            if (rows != Image.ROWS || columns != Image.COLUMNS) {
                throw source.problem(String.format(Locale.ROOT, "images are %dx%d, expected %dx%d",
                        rows, columns, Image.ROWS, Image.COLUMNS));
            }
            return count;
        } catch (IOException e) {
            throw source.failure(e, "the IDX header");
        }
    }

    private static int labelsHeader(Source source, DataInputStream in) {
        try {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw source.problem("expected IDX labels (magic 0x00000801) but " + describe(magic));
            }
            return nonNegative(source, in.readInt());
        } catch (IOException e) {
            throw source.failure(e, "the IDX header");
        }
    }

    private static int nonNegative(Source source, int count) {
        if (count < 0) {
            throw source.problem("the header declares a negative count (" + count + ")");
        }
        return count;
    }

    /** What a magic number says the file is, e.g. "this is an IDX label file (magic 0x00000801)". */
    static String describe(int magic) {
        if (magic == LABELS_MAGIC) {
            return "this is an IDX label file (magic 0x00000801)";
        }
        if (magic == IMAGES_MAGIC) {
            return "this is an IDX image file (magic 0x00000803)";
        }
        if ((magic >>> 16) == 0) {
            return String.format(Locale.ROOT, "this is an IDX file of type 0x%02x with %d dimensions (magic 0x%08x)",
                    (magic >>> 8) & 0xff, magic & 0xff, magic);
        }
        return String.format(Locale.ROOT, "this is not an IDX file (it starts with bytes %02x %02x %02x %02x)",
                magic >>> 24, (magic >>> 16) & 0xff, (magic >>> 8) & 0xff, magic & 0xff);
    }

    @Override
    public boolean hasNext() {
        return index < count;
    }

    @Override
    public Image next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] pixels = new byte[Image.PIXELS];
        try {
            images.readFully(pixels);
        } catch (IOException e) {
            throw imagesSource.failure(e, position("image"));
        }
        int label = labels == null ? Image.NO_LABEL : nextLabel();
        Image image = new Image(idPrefix + index, label, pixels);
        index++;
        if (index == count) {
            expectEnd(imagesSource, images, "images");
            if (labels != null) {
                expectEnd(labelsSource, labels, "labels");
            }
        }
        return image;
    }

    private int nextLabel() {
        int label;
        try {
            label = labels.read();
        } catch (IOException e) {
            throw labelsSource.failure(e, position("label"));
        }
        if (label < 0) {
            throw labelsSource.problem("truncated, the file ends before " + position("label"));
        }
        if (label > 9) {
            throw labelsSource.problem("label " + label + " for " + position("image") + " is not a digit 0-9");
        }
        return label;
    }

    /** Reading past the last declared item also makes gzip check its CRC, so a damaged file does not pass. */
    private void expectEnd(Source source, DataInputStream in, String what) {
        try {
            if (in.read() >= 0) {
                throw source.problem(String.format(Locale.ROOT,
                        "more data after the %,d %s its header declares", count, what));
            }
        } catch (IOException e) {
            throw source.failure(e, "the end of the file");
        }
    }

    /** "image 1,235 of 60,000": counted from 1 for people; the id uses the 0-based index. */
    private String position(String what) {
        return String.format(Locale.ROOT, "%s %,d of %,d", what, index + 1, count);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(count);
    }

    @Override
    public boolean labelled() {
        return labels != null;
    }

    @Override
    public void close() {
        Source.closeQuietly(images, labels);
    }
}
