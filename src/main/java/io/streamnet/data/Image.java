package io.streamnet.data;

import java.util.Arrays;

/**
 * One handwritten digit: an id, a label 0–9 or {@link #NO_LABEL}, and 784 pixel bytes (0–255 read unsigned,
 * row-major, 28 rows × 28 columns). A labelled image is learned from; an unlabelled one asks for a prediction.
 * The pixel array is not copied: whoever builds an image hands the array over.
 */
public record Image(String id, int label, byte[] pixels) {
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final int NO_LABEL = -1;

    public Image {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an image needs a non-empty id");
        }
        if (label != NO_LABEL && (label < 0 || label > 9)) {
            throw new IllegalArgumentException("label must be 0-9 or NO_LABEL, got " + label);
        }
        if (pixels == null || pixels.length != PIXELS) {
            throw new IllegalArgumentException("an image has " + PIXELS + " pixels, got "
                    + (pixels == null ? "none" : pixels.length));
        }
    }

    public boolean isLabelled() {
        return label != NO_LABEL;
    }

    /** The same image without its label (what a client sends to ask for a prediction). */
    public Image unlabelled() {
        return new Image(id, NO_LABEL, pixels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && id.equals(other.id) && label == other.label
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + label) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[id=" + id + ", label=" + (isLabelled() ? String.valueOf(label) : "none") + "]";
    }
}
