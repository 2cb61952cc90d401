package io.streamnet.nn;

/**
 * A mini-batch of up to {@code capacity} images: the matrix Xᵀ (784×m, one column per image,
 * pixels normalised as {@code pixel / 255}) and the labels. Filled image by image with
 * {@link #add}, reused after {@link #clear}; nothing is allocated after construction.
 * Held in two layouts: X (m×784, one row per image, as images arrive) and Xᵀ (784×m,
 * transposed on first use), because each kernel of the step runs fastest along a different one.
 */
public final class Batch {
    /** {@code i / 255.0} for every byte value, so the pixel scaling is a lookup with the same bits. */
    private static final double[] SCALE = new double[256];

    static {
        for (int i = 0; i < SCALE.length; i++) {
            SCALE[i] = i / 255.0;
        }
    }

    private final int capacity;
    private final double[][] x;
    private final double[][] xT;
    private final int[] labels;
    private int size;
    private boolean transposed;

    public Batch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.x = new double[capacity][Network.INPUTS];
        this.xT = new double[Network.INPUTS][capacity];
        this.labels = new int[capacity];
    }

    /**
     * Appends one image as the next column of Xᵀ.
     *
     * @param pixels 784 bytes, read unsigned (0–255), row-major 28×28
     * @param label  the digit 0–9, or −1 when the image is only to be scored
     */
    public void add(byte[] pixels, int label) {
        if (size == capacity) {
            throw new IllegalStateException("batch is full (" + capacity + " images)");
        }
        if (pixels.length != Network.INPUTS) {
            throw new IllegalArgumentException("an image has " + Network.INPUTS + " pixels, got " + pixels.length);
        }
        if (label < -1 || label >= Network.OUTPUTS) {
            throw new IllegalArgumentException("label must be 0-9 (or -1 for none), got " + label);
        }
        double[] row = x[size];
        for (int k = 0; k < Network.INPUTS; k++) {
            row[k] = SCALE[pixels[k] & 0xFF];
        }
        labels[size++] = label;
        transposed = false;
    }

    public void clear() {
        size = 0;
        transposed = false;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** The label of image {@code j}, or −1. */
    public int label(int j) {
        return labels[j];
    }

    boolean allLabelled() {
        for (int j = 0; j < size; j++) {
            if (labels[j] < 0) {
                return false;
            }
        }
        return true;
    }

    /** X, m×784: row j is image j. */
    double[][] x() {
        return x;
    }

    /** Xᵀ, 784×m: column j is image j. */
    double[][] xT() {
        if (!transposed) {
            // row by row of Xᵀ: each write stream stays in one short array, the m image rows stay in cache
            for (int k = 0; k < Network.INPUTS; k++) {
                double[] pixel = xT[k];
                for (int j = 0; j < size; j++) {
                    pixel[j] = x[j][k];
                }
            }
            transposed = true;
        }
        return xT;
    }
}
